/**
 * Pagination shared by every list of the API: `?offset=&limit=` in, `{ items, offset, limit, next }` out,
 * `next` being the offset of the following page or `null` on the last one.
 */
import { InputError } from '../core/index.js';

export interface Page<T> {
  items: T[];
  offset: number;
  limit: number;
  /** The offset of the next page, `null` when this is the last one. */
  next: number | null;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** Rows per page when the caller names no limit. */
export const DEFAULT_LIMIT = 25;
/** The most rows one page may ask for (a client wanting everything walks `next`). */
export const MAX_LIMIT = 500;

function whole(name: string, raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new InputError('bad-param', `${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n > max) throw new InputError('bad-param', `${name} must be at most ${max}`);
  return n;
}

/** Read `offset` and `limit` from query-string values. */
export function pageRequest(
  offset: string | undefined,
  limit: string | undefined,
  defaultLimit = DEFAULT_LIMIT,
): PageRequest {
  const l = whole('limit', limit, defaultLimit, MAX_LIMIT);
  if (l === 0) throw new InputError('bad-param', 'limit must be at least 1');
  return { offset: whole('offset', offset, 0, Number.MAX_SAFE_INTEGER), limit: l };
}

/** A page from rows fetched with `LIMIT limit + 1` (the extra row only says that more exist). */
export function pageOf<T>(rows: T[], req: PageRequest): Page<T> {
  return {
    items: rows.slice(0, req.limit),
    offset: req.offset,
    limit: req.limit,
    next: rows.length > req.limit ? req.offset + req.limit : null,
  };
}

/** A page cut from a list already held in full. */
export function slicePage<T>(all: T[], req: PageRequest): Page<T> {
  return pageOf(all.slice(req.offset, req.offset + req.limit + 1), req);
}
