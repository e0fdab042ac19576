/** The analysts' explorer: a JSON API and HTML pages over a read-only {@link GraphReader}. */

export { apiRoutes, toApiError } from './api.js';
export { prepareQuery, type QueryRequest, type QueryResult, runQuery, savedQueries } from './console.js';
export {
  getArticle,
  getEntity,
  getFactEvidence,
  getNeighbourhood,
  getRelationFacts,
  type Neighbourhood,
  NotFoundError,
  type RelationPage,
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
