/** Hardened HTTP fetching of article pages: timeouts, size cap, content-type allow-list, SSRF guard. */
export { FetchTransientError, parseRetryAfter, retryAfterOf } from './errors.js';
export { closeFetchAgents, fetchPage, parseContentType } from './fetch-page.js';
export {
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_USER_AGENT,
  type FetchOptions,
} from './options.js';
export { assertPublicHost, BlockedUrlError, isPublicAddress, parseFetchUrl } from './ssrf.js';
