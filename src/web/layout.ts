/**
 * HTML building blocks for the explorer's pages: the layout (landmarks, skip link, navigation), links,
 * highlighted sentences and pagination. Every value goes through hono's `html`, which escapes it.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Page } from './page.js';
import type { ArticleRef, EvidenceView } from './views.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const entityHref = (key: string): string => `/entity/${encodeURIComponent(key)}`;
export const articleHref = (id: string): string => `/article/${encodeURIComponent(id)}`;
export const graphHref = (key: string): string => `/graph/${encodeURIComponent(key)}`;

export interface LayoutOptions {
  title: string;
  /** Module scripts (under /assets) the page needs. */
  scripts?: string[];
}

/** The page frame: one `main`, a skip link, the site navigation. */
export function layout(options: LayoutOptions, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · newsgraph</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/app.css">
${(options.scripts ?? []).map((s) => html`<script type="module" src="/assets/${s}"></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header>
<nav aria-label="Site">
<a href="/" class="brand">newsgraph</a>
<a href="/">Search</a>
<a href="/console">Cypher console</a>
</nav>
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`;
}

/** `sentence` with the subject and object spans wrapped in `<mark>` (overlaps are left unmarked). */
export function highlight(e: Pick<EvidenceView, 'sentence' | 'subject' | 'object'>): Html {
  const spans = [
    { ...e.subject, cls: 'subj', what: 'subject' },
    { ...e.object, cls: 'obj', what: 'object' },
  ]
    .filter((s) => s.start >= 0 && s.end <= e.sentence.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const parts: Html[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    parts.push(html`${e.sentence.slice(at, s.start)}`);
    parts.push(html`<mark class="${s.cls}" title="${s.what}">${e.sentence.slice(s.start, s.end)}</mark>`);
    at = s.end;
  }
  parts.push(html`${e.sentence.slice(at)}`);
  return html`${parts}`;
}

/** The article a sentence comes from: title (to its page), publisher, date, and the link out. */
export function articleLine(a: ArticleRef): Html {
  return html`<a href="${articleHref(a.id)}">${a.title || '(untitled)'}</a>${a.publisher ? html` · ${a.publisher}` : ''}${a.date ? html` · <time datetime="${a.date}">${a.date.slice(0, 10)}</time>` : ''}${a.url ? html` · <a href="${a.url}" rel="noopener noreferrer" class="out">source<span class="visually-hidden"> (${a.url})</span></a>` : ''}`;
}

/** One sentence as a list item with its article. */
export function evidenceItem(e: EvidenceView): Html {
  return html`<li class="evidence"><blockquote>${highlight(e)}</blockquote>
<p class="meta">${articleLine(e.article)} · rule <code>${e.rule}</code> · confidence ${e.confidence.toFixed(2)}</p></li>`;
}

/** Previous/next links for a page, keeping the other query parameters. */
export function pager(page: Page<unknown>, path: string, query: Record<string, string> = {}): Html {
  const link = (offset: number, text: string, rel: string) => {
    const params = new URLSearchParams({ ...query, offset: String(offset), limit: String(page.limit) });
    return html`<a href="${path}?${params.toString()}" rel="${rel}">${text}</a>`;
  };
  if (page.offset === 0 && page.next === null) return html``;
  return html`<nav class="pager" aria-label="Pages">${
    page.offset > 0 ? link(Math.max(0, page.offset - page.limit), 'Previous', 'prev') : ''
  } <span>${page.offset + 1}–${page.offset + page.items.length}</span> ${
    page.next !== null ? link(page.next, 'Next', 'next') : ''
  }</nav>`;
}
