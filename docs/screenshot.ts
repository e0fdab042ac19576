/**
 * Retake docs/explorer.png: `npx newsgraph ingest fixtures/pages && npx newsgraph serve` in one shell, then
 * `npx tsx docs/screenshot.ts http://127.0.0.1:7475/` in another. Uses the system chromium.
 */
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:7475/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(new URL(`/entity/${encodeURIComponent('Person:alexey rodos')}`, base).href);
  await page.screenshot({ path: new URL('./explorer.png', import.meta.url).pathname });
  await page.goto(new URL(`/graph/${encodeURIComponent('Organization:kalibr')}`, base).href);
  await page.locator('#graph-status', { hasText: 'entities' }).waitFor();
  await page.screenshot({ path: new URL('./explorer-graph.png', import.meta.url).pathname });
} finally {
  await browser.close();
}
