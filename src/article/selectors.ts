/**
 * Selectors, tag sets and class/id patterns used by extraction. Data only: what each means is in its comment.
 */

/** Elements that never carry visible story text. */
export const NON_CONTENT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'img',
  'link',
  'meta',
  'button',
  'select',
  'input',
  'textarea',
  'label',
  'dialog',
  'head',
  'title',
]);

/** Page furniture: navigation, site header/footer, sidebars, image captions. */
export const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'header', 'figure', 'figcaption', 'menu']);

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
  'toolbar',
]);

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'hr',
  'br',
  'address',
  'center',
  'form',
  'fieldset',
  'details',
  'summary',
  'body',
  'html',
]);

/** Subheading tags; h1 is usually the title but sometimes a subhead. */
export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Class/id words of boilerplate, matched against each class token (and the id) lower-cased, as whole
 * dash/underscore separated parts: `share-bar` and `post-comments` match, `shareholders` does not.
 * Layout utilities (`overflow-hidden`) and paywall wrappers (which hold the visible teaser) are left out on purpose.
 */
export const BOILERPLATE_TOKEN =
  /(?:^|[_-])(?:comments?|commentlist|respond|replies|disqus|share|sharing|sharebar|sharetools|social|socials|sharethis|addthis|related|relatedposts|recirc|recirculation|morestories|readmore|recommended|recommendations|trending|popular|mostread|mostpopular|alsoread|tags?|taglist|tagcloud|topics|categories|keywords|cookie|cookies|consent|gdpr|newsletter|subscribe|signup|promo|promotion|sponsor|sponsored|advert|advertisement|advertising|ads?|adslot|adwrap|dfp|banner|breadcrumbs?|pagination|pager|nav|navbar|navigation|menu|sidebar|widget|footer|masthead|header|byline|author|authors|bio|dateline|timestamp|meta|postmeta|caption|credit|credits|toolbar|modal|popup|overlay|skip|sr|visually|screen|offscreen|rss|follow|outbrain|taboola|login)(?=$|[_-])/;

/** Whole class tokens naming the story container: an element with one of these is never boilerplate. */
export const CONTENT_TOKEN =
  /^(?:article|articlebody|article-?body|article-?content|article-?text|story|story-?body|story-?content|storytext|entry|entry-?content|post|post-?content|post-?body|post-?text|body|body-?text|content|main|main-?content|text|page-?content|rich-?text|richtext|hentry|h-entry)$/;

/** Class/id words that make a candidate more likely (Readability's "positive"). */
export const POSITIVE_CLASS =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose/;

/** Class/id words that make a candidate less likely (Readability's "negative"). */
export const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|cookie|byline|author/;

/**
 * Short lines that are page furniture wherever they appear (in the languages we see often): a whole block
 * that matches is dropped. Longer text that merely contains these words is kept.
 */
export const BOILERPLATE_LINE = new RegExp(
  [
    // ad labels: en, id, de, pt/es, ru, fr
    '(?:advertisement|advertisements|advert|adverts|ad|sponsored|iklan|anzeige|werbung|publicidade|publicidad|реклама|publicité)',
    // share and comment widgets
    '(?:share( this( article| story| post)?)?( on)?:?|tweet|email|print|comments?|\\d+ comments?|leave a (comment|reply))',
    // teaser labels
    '(?:read more|continue reading|related( articles| stories| posts)?:?|see also:?|more:|don.t miss:?|you may also like\\W*|recommended( for you)?:?|tags?:|topics?:|filed under:?)',
    // gallery and player controls
    '(?:caption|close|open|expand|collapse|next|previous|prev|play|pause|replay|enlarge|\\d+ of \\d+|\\d+ / \\d+)',
    '(?:follow us( on)?.*|sign up.*newsletter.*|subscribe( now)?|scroll to top|back to top|skip to (main )?content|loading\\W*)',
    '(?:click to (enlarge|expand)|image:.*|photo:.*|getty images|reuters|ap photo.*)',
    '(?:this (slideshow|video|content|page|feature) requires javascript\\.?)',
    // reading time, agency and credit lines
    '(?:reading time.{0,20}|\\d+ min(ute)?s? read|tempo de leitura.{0,20}|lesezeit.{0,20})',
    '(?:(additional )?(reporting|editing|writing) by .{1,80}|source: .{1,60})',
    '(?:(©|\\(c\\)|copyright\\s*(©|\\(c\\)|@)?\\s*\\d{4}).{0,150})',
    // unrendered WordPress shortcodes
    '(?:\\[\\w+[^\\]]*\\].*\\[/\\w+\\])',
  ]
    .map((alt) => `^${alt}$`)
    .join('|'),
  'i',
);

/** Lines that start like a tag/topic list or a "more on this" teaser. */
export const BOILERPLATE_PREFIX =
  /^(?:tags?|topics?|filed under|categories|related|read more|see also|more on)\s*[:|]/i;
