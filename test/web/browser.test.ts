// biome-ignore-all lint/suspicious/noExplicitAny: Cytoscape objects and JSON bodies read inside the page
/**
 * The explorer end to end in a real browser: Debian's chromium driven by playwright-core (never a
 * downloaded browser) against `newsgraph serve` on a graph built from the fixture pages by
 * `newsgraph ingest`, on Kùzu and on Neo4j (its own harness: the shared one is wiped by the contract tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jSkipReason, type RunningNeo4j, startNeo4jHarness, testNeo4j } from '../support/neo4j.js';
import {
  BUSY_DIRECTORS,
  BUSY_ORG,
  CHROMIUM_SKIP,
  ingestFixtures,
  type StoreArgs,
  startServe,
  systemChromium,
  writeBusyGroup,
} from './serve-process.js';

const executablePath = systemChromium();
let browser: Browser | undefined;
beforeAll(async () => {
  if (executablePath) browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => browser?.close());

/** Console errors and uncaught exceptions of a page, except the one refused console request we make. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() !== 'error') return;
    // Chromium logs every non-2xx fetch; the refused write (HTTP 400 from /api/query) is expected.
    const refused =
      /status of 400/.test(msg.text()) && msg.location().url.endsWith('/api/query?offset=0&limit=100');
    if (!refused) errors.push(`${msg.location().url}: ${msg.text()}`);
  });
  return errors;
}

/** Wait for a page to settle (a cold Neo4j plans a query for seconds on a loaded machine). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000, interval: 100 });

/** The journey of the issue, on whatever store `served` reads. */
async function journey(url: string): Promise<void> {
  const page = await browser!.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(url);
    await page.getByLabel('Search').fill('Rodos');
    await page.getByLabel('Search').press('Enter');
    await page.getByRole('link', { name: 'Alexey Rodos' }).click();
    await poll(() => page.locator('h1').textContent()).toBe('Alexey Rodos');

    const fact = page.getByRole('article', { name: 'Alexey Rodos DIRECTS Kalibr' });
    await poll(() => fact.locator('h3').textContent()).toMatch(
      /Alexey Rodos DIRECTS Kalibr \(role: director\)/,
    );
    const item = fact
      .locator('li.evidence')
      .filter({ has: page.locator('blockquote', { hasText: /^Kalibr Director Alexey Rodos / }) })
      .first();
    const sentence = item.locator('blockquote');
    expect(await sentence.locator('mark.subj').textContent()).toBe('Alexey Rodos');
    expect(await sentence.locator('mark.obj').textContent()).toBe('Kalibr');
    expect(await fact.locator('dl').textContent()).toMatch(/Publishers\d+ \(/);

    // Through to the article the sentence comes from, and back.
    const title = (await item.locator('p.meta a').first().textContent())!;
    await item.locator('p.meta a').first().click();
    await poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('ul.mentions').textContent()).toContain('Alexey Rodos');
    await page.goBack();
    await poll(() => page.locator('h1').textContent()).toBe('Alexey Rodos');

    // The graph view draws Kalibr's neighbours (the same as the API lists), and a click expands a node.
    await fact.getByRole('link', { name: 'Kalibr', exact: true }).click();
    await page.getByRole('link', { name: 'Graph view' }).click();
    await poll(() => page.locator('#graph-status').textContent()).toMatch(/entities/);
    const api = await (
      await page.request.get(new URL('/api/entities/Organization%3Akalibr/neighbours', url).href)
    ).json();
    const drawn = await page.evaluate(() => {
      const cy = (globalThis as any).newsgraphGraph;
      const box = cy.extent();
      return {
        nodes: cy
          .nodes()
          .map((n: any) => n.id())
          .sort(),
        edges: cy.edges().map((e: any) => `${e.source().id()} ${e.data('label')} ${e.target().id()}`),
        placed: cy.nodes().every((n: any) => Number.isFinite(n.position('x')) && box.w > 0),
      };
    });
    expect(drawn.nodes).toEqual(api.nodes.map((n: { key: string }) => n.key).sort());
    expect(drawn.edges).toContain('Person:alexey rodos DIRECTS Organization:kalibr');
    expect(drawn.placed).toBe(true);
    const canvas = await page.locator('#cy canvas').last().boundingBox();
    expect(canvas!.width).toBeGreaterThan(100);
    // Click the node farthest from any other (so the click cannot land on a neighbour's disc).
    const target = await page.evaluate(() => {
      const cy = (globalThis as any).newsgraphGraph;
      const nodes = cy.nodes().filter((n: any) => !n.hasClass('center'));
      const gap = (n: any) =>
        Math.min(
          ...cy
            .nodes()
            .filter((m: any) => m !== n)
            .map((m: any) => {
              const [a, b] = [n.renderedPosition(), m.renderedPosition()];
              return Math.hypot(a.x - b.x, a.y - b.y);
            }),
        );
      const best = nodes.max(gap).ele;
      return { id: best.id(), ...best.renderedPosition() };
    });
    const box = (await page.locator('#cy').boundingBox())!;
    await page.mouse.click(box.x + 1 + target.x, box.y + 1 + target.y);
    await poll(() =>
      page.evaluate(
        (id) => (globalThis as any).newsgraphGraph.getElementById(id).hasClass('expanded'),
        target.id,
      ),
    ).toBe(true);

    // The console: a saved query one click away, then a refused write.
    await page.getByRole('link', { name: 'Cypher console' }).click();
    await page.getByRole('button', { name: 'who-directs' }).click();
    await poll(() => page.locator('#query-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#query-table').textContent()).toMatch(/Alexey Rodos\s*director\s*Kalibr/);
    await page.getByLabel('Cypher', { exact: true }).fill('MATCH (p:Person) DETACH DELETE p');
    await page.getByRole('button', { name: 'Run' }).click();
    await poll(() => page.getByRole('alert').textContent()).toMatch(/read-only: refusing DETACH \(line 1\)/);
    // An ad-hoc query returning nodes and relationships is also drawn.
    await page
      .getByLabel('Cypher', { exact: true })
      .fill('MATCH (p:Person)-[f:DIRECTS]->(o:Organization) RETURN p, f, o');
    await page.getByRole('button', { name: 'Run' }).click();
    await poll(() =>
      page.evaluate(() => (globalThis as any).newsgraphConsoleGraph?.edges().length ?? 0),
    ).toBeGreaterThan(0);
    expect(await page.locator('#query-error').textContent()).toBe('');
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

/** Focus a link and follow it with the keyboard (Enter), as a keyboard user would. */
async function pressLink(page: Page, link: ReturnType<Page['getByRole']>): Promise<void> {
  await link.focus();
  expect(await link.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
}

/**
 * The busy organisation's DIRECTS group (32 facts) from its entity page: 5 facts and its count, then its
 * "more" link and the Next links of the group's pages, by keyboard, to the end: every fact once, in the
 * order the API ranks the whole group.
 */
async function pageThroughGroup(url: string): Promise<void> {
  const page = await browser!.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(new URL(`/entity/${encodeURIComponent(BUSY_ORG.key)}`, url).href);
    const section = page.getByRole('region', { name: 'DIRECTS', exact: true });
    const facts = (where: ReturnType<Page['locator']>) => where.locator('article.fact h3').allTextContents();
    const seen = await facts(section);
    expect(seen).toHaveLength(5);
    const rest = BUSY_DIRECTORS.length - 5;
    await pressLink(
      page,
      section.getByRole('link', { name: `${rest} more DIRECTS facts with ${BUSY_ORG.name} as object` }),
    );
    await poll(() => page.locator('h1').textContent()).toBe(`DIRECTS facts with ${BUSY_ORG.name} as object`);
    for (;;) {
      seen.push(...(await facts(page.locator('main'))));
      const next = page.getByRole('link', { name: 'Next', exact: true });
      if ((await next.count()) === 0) break;
      await pressLink(page, next);
    }
    expect(await page.getByRole('link', { name: 'Previous', exact: true }).count()).toBe(1);
    const api = await (
      await page.request.get(new URL(`/api/entities/${encodeURIComponent(BUSY_ORG.key)}?limit=500`, url).href)
    ).json();
    const group = api.groups.find((g: any) => g.relation === 'DIRECTS' && g.direction === 'in');
    expect(group.total).toBe(BUSY_DIRECTORS.length);
    expect(seen).toEqual(
      group.facts.items.map((f: any) => `${f.subject.name} DIRECTS ${BUSY_ORG.name} (role: director)`),
    );
    expect(new Set(seen).size).toBe(BUSY_DIRECTORS.length);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
}

describe('explorer in chromium (Kùzu)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-web-embedded-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('search → entity → article → back → graph → console; a big relation group paged', {
    timeout: 240_000,
  }, async (ctx) => {
    if (!executablePath) return ctx.skip(CHROMIUM_SKIP);
    const store: StoreArgs = { args: ['--db', join(dir, 'graph.lbug')], env: {} };
    await ingestFixtures(store);
    await writeBusyGroup({ dbPath: join(dir, 'graph.lbug') });
    const served = await startServe(store);
    try {
      await journey(served.url);
      await pageThroughGroup(served.url);
    } finally {
      await served.stop();
    }
  });
});

describe('explorer in chromium (Neo4j)', () => {
  let harness: RunningNeo4j | undefined;
  afterAll(async () => harness?.stop());

  it('search → entity → article → back → graph → console; a big relation group paged', {
    timeout: 600_000,
  }, async (ctx) => {
    if (!executablePath) return ctx.skip(CHROMIUM_SKIP);
    if (!testNeo4j()) return ctx.skip(neo4jSkipReason());
    harness = await startNeo4jHarness();
    const env = { NEO4J_URI: harness.uri, NEO4J_USER: harness.user, NEO4J_PASSWORD: harness.password ?? '' };
    const store: StoreArgs = { args: ['--sink', 'neo4j'], env };
    await ingestFixtures(store);
    await writeBusyGroup({
      kind: 'neo4j',
      neo4j: { uri: harness.uri, user: harness.user, password: harness.password ?? '' },
    });
    const served = await startServe(store);
    try {
      await journey(served.url);
      await pageThroughGroup(served.url);
    } finally {
      await served.stop();
    }
  });
});
