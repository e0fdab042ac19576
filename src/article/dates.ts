/**
 * Date strings from meta tags and JSON-LD -> ISO 8601.
 */

const DATE_ONLY_RE = /^\d{4}-\d{2}-\d{2}$/;
const COMPACT_DATE_RE = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?Z?$/;
const EPOCH_RE = /^\d{10}(\d{3})?$/;
/** Years outside this range are parse accidents, not publication dates. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

function plausible(d: Date): boolean {
  const y = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * Normalise a date to ISO 8601: a date-only value stays `YYYY-MM-DD`; anything with a time becomes
 * a UTC timestamp (`2019-11-19T12:30:00.000Z`). Returns `null` for what is not a plausible date.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = value.trim();
  if (s.length === 0) return null;
  if (DATE_ONLY_RE.test(s)) return plausible(new Date(`${s}T00:00:00Z`)) ? s : null;
  if (EPOCH_RE.test(s)) {
    const d = new Date(s.length === 10 ? Number(s) * 1000 : Number(s));
    return plausible(d) ? d.toISOString() : null;
  }
  const compact = COMPACT_DATE_RE.exec(s);
  if (compact) {
    const [, y, mo, da, h, mi, se] = compact;
    if (!h) return `${y}-${mo}-${da}`;
    const d = new Date(`${y}-${mo}-${da}T${h}:${mi}:${se ?? '00'}Z`);
    return plausible(d) ? d.toISOString() : null;
  }
  // "2019-11-19 12:30:00" (space instead of T) and offsets without a colon ("+0100") are common in meta tags.
  const fixed = s.replace(/^(\d{4}-\d{2}-\d{2})\s+(\d)/, '$1T$2').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(fixed);
  if (plausible(d)) return d.toISOString();
  const loose = new Date(s);
  return plausible(loose) ? loose.toISOString() : null;
}
