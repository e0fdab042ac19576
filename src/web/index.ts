/** The analysts' explorer: a JSON API and HTML pages over a read-only {@link GraphReader}. */

export { apiRoutes, toApiError } from './api.js';
export { prepareQuery, type QueryRequest, type QueryResult, runQuery, savedQueries } from './console.js';
export { getEntity, getRelationFacts, type RelationPage } from './entity-page.js';
export {
  getArticle,
  getFactEvidence,
  getNeighbourhood,
  type Neighbourhood,
  NotFoundError,
  type SearchHit,
  searchEntities,
} from './explorer.js';
export { type Page, type PageRequest, pageRequest } from './page.js';
export {
  assertSafeBind,
  createExplorer,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type ExplorerOptions,
  isLoopbackHost,
  type RunningExplorer,
  startExplorer,
} from './server.js';
export { forgetPositionHints, inStorageOrder, MAX_POSITION_HINTS } from './storage-order.js';
export type { ArticleView, EntityView, EvidenceView, FactView, RelationGroup } from './views.js';
