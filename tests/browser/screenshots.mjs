// Takes screenshots of the main pages of a running marsad UI.
//   node tests/browser/screenshots.mjs BASE_URL OUT_DIR [story-id] [article-id] [entity-id] [query] [outlet]
// The story page is taken with its first contested point's table of reports
// opened (claims over time, issue 27).
import path from 'node:path';
import fs from 'node:fs';
import { launch, loadPlaywright } from './browser.mjs';

const [base = 'http://127.0.0.1:8080', out = 'docs/screenshots', story = '1', article = '1',
  entity = '', query = 'ريابكوف', outlet = ''] = process.argv.slice(2);
const pw = loadPlaywright();
if (!pw) { console.error('playwright-core missing: run npm ci in web/'); process.exit(1); }
fs.mkdirSync(out, { recursive: true });
const { context, cleanup } = await launch(pw);
const page = await context.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
const shots = [
  ['stories', '/', '.story-card'],
  ['story', `/stories/${story}`, '.story-page'],
  ['brief', `/api/stories/${story}/brief?format=html`, 'h1'],
  ['article', `/articles/${article}`, '.article-text'],
  ['search', `/search?q=${encodeURIComponent(query)}`, '.results'],
  ['entities', '/entities', '.entity-grid'],
  ...(entity ? [['entity', `/entities/${encodeURIComponent(entity)}`, '.entity-page']] : []),
  ['map', '/map', 'svg.map .land path'],
  ...(outlet ? [['outlet', `/outlets/${encodeURIComponent(outlet)}`, '[data-testid=outlet-page]']] : []),
];
try {
  for (const [name, url, sel] of shots) {
    await page.goto(base + url);
    await page.waitForSelector(sel, { timeout: 15000 });
    if (name === 'story') await page.locator('[data-testid=claims-table] summary').first().click().catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: name !== 'map' });
    console.log(`${name}.png`);
  }
} finally {
  await cleanup();
}
if (errors.length) { console.error('browser errors:\n' + errors.join('\n')); process.exit(1); }
