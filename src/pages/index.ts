/** The page store: the bytes each article was extracted from, kept for `newsgraph reprocess`. */

export { type Checkpoint, openCheckpoint } from './checkpoint.js';
export { DEFAULT_PAGES_DIR, FsPageStore } from './fs-page-store.js';
export type { PageInput, PageKind, PageRecord, PageStore } from './page-store.js';
