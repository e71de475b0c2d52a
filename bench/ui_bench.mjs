// The web UI in headless Chromium against a running `marsad serve` with a
// large store (scripts/bench.sh runs it with the SaudiNewsNet corpus): for
// each main page, the time from navigation to its content on screen (the
// page's main selector visible), over a few rounds with a warm browser.
// Also the story page of the largest story, the one a long-running story
// makes heavy. A benchmark, not a test: it prints times and never fails on
// them (exit 1 only when a page does not render or logs an error).
//   node bench/ui_bench.mjs BASE_URL [rounds] [story-id]
// story-id: the heavy story to time (scripts/bench.sh passes the largest);
// default: the largest among the 200 newest.
import { launch, loadPlaywright } from '../tests/browser/browser.mjs';

const [base = 'http://127.0.0.1:8080', roundsArg = '3', heavyArg = ''] = process.argv.slice(2);
const rounds = Math.max(1, Number(roundsArg) || 3);
const pw = loadPlaywright();
if (!pw) {
  console.log('ui_bench: playwright-core missing (npm ci in web/); skipped');
  process.exit(0);
}

async function json(path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}

// Pages to time: the first story in the list, the story with the most
// articles among the first 200 listed, one of its articles, a search, the
// entity list and the map.
const list = await json('/api/stories?limit=200');
const items = list.items ?? [];
if (items.length === 0) {
  console.log('ui_bench: the store has no stories; skipped');
  process.exit(0);
}
const story = heavyArg
  ? await json(`/api/stories/${heavyArg}`)
  : await json(`/api/stories/${items.reduce((a, b) => ((b.article_count ?? 0) > (a.article_count ?? 0) ? b : a)).id}`);
const largest = { id: story.story?.id ?? heavyArg, article_count: story.articles?.length ?? 0 };
const articleId = story.articles?.[0]?.id ?? 1;
const pages = [
  ['story list', '/', '.story-card'],
  [`story ${items[0].id}`, `/stories/${items[0].id}`, '.story-page'],
  [`story ${largest.id} (${largest.article_count} reports)`, `/stories/${largest.id}`, '.story-page'],
  [`article ${articleId}`, `/articles/${articleId}`, '.article-text'],
  ['search أسعار النفط', `/search?q=${encodeURIComponent('أسعار النفط')}`, '.results'],
  ['entities', '/entities', '.entity-grid'],
  ['map', '/map', 'svg.map .land path'],
];

const { context, cleanup } = await launch(pw);
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
const times = new Map(pages.map(([name]) => [name, []]));
try {
  // Round 0 warms the browser cache (fonts, scripts); it is not counted.
  for (let round = 0; round <= rounds; ++round) {
    for (const [name, url, sel] of pages) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(base + url);
      await page.waitForSelector(sel, { state: 'visible', timeout: 30000 });
      const ms = performance.now() - t0;
      if (round > 0) times.get(name).push(ms);
    }
  }
} finally {
  await cleanup();
}
console.log(`ui_bench: ${base}, ${rounds} rounds after one warm-up, ms from navigation to content`);
for (const [name, ms] of times) {
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(`  ${name.padEnd(34)} median ${median.toFixed(0).padStart(5)}  max ${ms[ms.length - 1].toFixed(0).padStart(5)}`);
}
if (errors.length) {
  console.error('browser errors:\n' + errors.join('\n'));
  process.exit(1);
}
