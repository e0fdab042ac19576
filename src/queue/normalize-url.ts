/**
 * URL normalisation for the queue: the same article, however it was linked, gives the same URL and so
 * the same job id. Pure; says why when it refuses.
 */

/** Query parameters that only track the click, never select the content. */
export const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i,
  /^(fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|vero_id|oly_anon_id|oly_enc_id|rb_clickid|s_cid|ncid|cmpid|ito|ref_src)$/i,
];

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export type NormalizedUrl = { ok: true; url: string } | { ok: false; input: string; reason: string };

function isTracking(name: string): boolean {
  return TRACKING_PARAMS.some((re) => re.test(name));
}

/**
 * Normalise an article URL: lower-case scheme and host (the WHATWG parser does), drop the default
 * port, the fragment and tracking parameters, sort the remaining query parameters.
 */
export function normalizeUrl(input: string): NormalizedUrl {
  const raw = input.trim();
  if (raw === '') return { ok: false, input, reason: 'empty line' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, input, reason: 'not a valid absolute URL' };
  }
  if (!(url.protocol in DEFAULT_PORTS)) {
    return { ok: false, input, reason: `unsupported scheme ${url.protocol} (only http and https)` };
  }
  if (url.username || url.password)
    return { ok: false, input, reason: 'credentials in URLs are not allowed' };
  if (!url.hostname) return { ok: false, input, reason: 'no host' };
  if (url.port === DEFAULT_PORTS[url.protocol]) url.port = '';
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  return { ok: true, url: url.href };
}
