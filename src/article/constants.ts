/**
 * Every heuristic of article extraction, as a named constant with its reason.
 * Thresholds follow Readability.js and trafilatura where they agree, and were checked on real pages.
 */

/** How far into the bytes we look for magic numbers and control characters when sniffing binary input. */
export const BINARY_SNIFF_BYTES = 4096;

/** Share of control bytes (other than tab, CR, LF, FF, ESC) above which the input is binary, not text. */
export const MAX_CONTROL_BYTE_RATIO = 0.02;

/**
 * How far we scan for a `<meta charset>` when `</head>` never comes. Browsers stop at 1024 bytes, but many
 * real pages declare the charset later in a long head, so we read the whole head up to this cap.
 */
export const MAX_HEAD_SCAN_BYTES = 256 * 1024;

/** A block shorter than this adds nothing to a candidate's score (menu items, labels, bylines). */
export const MIN_SCORED_BLOCK_CHARS = 25;

/** Each this many characters of a block add one point, as in Readability. */
export const CHARS_PER_POINT = 100;

/** Cap of length points per block, so one huge block cannot outweigh many real paragraphs. */
export const MAX_LENGTH_POINTS = 3;

/** Weight of a class/id that names content (article, body, story) or boilerplate (comment, share, …). */
export const CLASS_WEIGHT = 25;

/** Extra weight of an element that says it is the article body (`itemprop=articleBody`, `<article>`). */
export const SEMANTIC_BODY_WEIGHT = 30;

/** A sibling joins the top candidate when it scores at least this share of the top score … */
export const SIBLING_SCORE_SHARE = 0.2;

/** … and at least this much in absolute terms. */
export const MIN_SIBLING_SCORE = 10;

/** A sibling paragraph longer than this with little link text is story text split off by an ad slot. */
export const SIBLING_PARAGRAPH_CHARS = 80;

/** Link density below which a long sibling paragraph is story text. */
export const SIBLING_MAX_LINK_DENSITY = 0.25;

/**
 * Link density above which a block is navigation ("related", tag lists, menus), not prose.
 * Prose with a few inline links stays well below this.
 */
export const MAX_BLOCK_LINK_DENSITY = 0.5;

/** Below this many characters a block is a "line" (bylines, timestamps, labels). */
export const SHORT_BLOCK_CHARS = 120;

/** A container (list, div, table) whose text is at least this share links is a link list. */
export const MAX_CONTAINER_LINK_DENSITY = 0.45;

/**
 * Never remove a boilerplate-looking element holding more than this share of the page's paragraph text:
 * classes like `layout-with-sidebar` wrap whole pages.
 */
export const MAX_REMOVED_TEXT_SHARE = 0.4;

/** Below this many body characters, a JSON-LD `articleBody` (when longer) is used instead of the DOM. */
export const MIN_DOM_BODY_CHARS = 200;

/** JSON-LD `articleBody` must be this much longer than the DOM body to replace it (teasers, lazy bodies). */
export const JSONLD_BODY_ADVANTAGE = 2;

/** A body shorter than this is no article (an index page, a login wall, an error page). */
export const MIN_ARTICLE_CHARS = 20;

/** Headings longer than this are paragraphs styled as headings. */
export const MAX_HEADING_CHARS = 200;

/** Real pages nest a few dozen levels; deeper trees come from unclosed tags and are flattened below this. */
export const MAX_DOM_DEPTH = 300;
