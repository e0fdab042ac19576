/** Options of {@link fetchPage}; every field has a default suited to fetching news articles. */
export interface FetchOptions {
  /**
   * Allow loopback, private, link-local… addresses (tests against a local server only).
   * @defaultValue false
   */
  allowPrivateHosts?: boolean;
  /** @defaultValue 5 MB ({@link DEFAULT_MAX_BYTES}) — counted after decompression. */
  maxBytes?: number;
  /** @defaultValue 5 */
  maxRedirects?: number;
  /** Time to open the TCP/TLS connection. @defaultValue 10 000 ms */
  connectTimeoutMs?: number;
  /** Time from sending the request to the end of the response headers. @defaultValue 15 000 ms */
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks. @defaultValue 15 000 ms */
  bodyTimeoutMs?: number;
  /** Whole fetch, redirects and body included: a slow drip cannot hold a job longer. @defaultValue 30 000 ms */
  deadlineMs?: number;
  /** @defaultValue {@link DEFAULT_USER_AGENT} */
  userAgent?: string;
  /** Content types accepted (lower case, without parameters; the wildcard type accepts any). @defaultValue text/html, application/xhtml+xml */
  acceptTypes?: readonly string[];
  /** `ETag` of a previous fetch: sent as `If-None-Match` (a 304 comes back as status 304, empty body). */
  etag?: string;
  /** `Last-Modified` of a previous fetch: sent as `If-Modified-Since`. */
  lastModified?: string;
  /** Cancels the fetch (e.g. the job's signal when a worker shuts down). */
  signal?: AbortSignal;
}

/** 5 MB: far above any real article page, small enough to keep a worker's memory bounded. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Browsers allow 20; articles behind more than 5 hops are almost always tracking chains or loops. */
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_HEADERS_TIMEOUT_MS = 15_000;
export const DEFAULT_BODY_TIMEOUT_MS = 15_000;
/** 30 s: a healthy server sends an article in well under a second; longer means drip or stall. */
export const DEFAULT_DEADLINE_MS = 30_000;
/** Identifies us and says where to complain, as polite crawlers do. */
export const DEFAULT_USER_AGENT =
  'Mozilla/5.0 (compatible; newsgraph/0.1; +https://github.com/newsgraph/newsgraph#crawler)';
export const DEFAULT_ACCEPT_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];

export type ResolvedFetchOptions = Required<Omit<FetchOptions, 'etag' | 'lastModified' | 'signal'>> &
  Pick<FetchOptions, 'etag' | 'lastModified' | 'signal'>;

/** Fill in the defaults. */
export function resolveFetchOptions(options: FetchOptions = {}): ResolvedFetchOptions {
  return {
    allowPrivateHosts: false,
    maxBytes: DEFAULT_MAX_BYTES,
    maxRedirects: DEFAULT_MAX_REDIRECTS,
    connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: DEFAULT_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: DEFAULT_BODY_TIMEOUT_MS,
    deadlineMs: DEFAULT_DEADLINE_MS,
    userAgent: DEFAULT_USER_AGENT,
    acceptTypes: DEFAULT_ACCEPT_TYPES,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as ResolvedFetchOptions;
}
