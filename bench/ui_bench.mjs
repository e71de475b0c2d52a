// The web UI in headless Chromium against a running `marsad serve` with a
// large store (scripts/bench.sh runs it with the corpus it loads; issue 27's
// figures are on the ant_2018 international corpus). A benchmark, not a
// test: it prints times and never fails on them (exit 1 only when a page
// does not render or logs an error).
//
// First render: for each page, a full navigation, on the page's own clock
// (0 = the navigation's start) to
//   - "paint": the browser's first contentful paint (the frame, fonts),
//   - "api": the last API response the content waited for (the server's
//     share; for the brief, the document itself), on the page's clock,
//   - "content": the page's own content visible (its main selector);
// the story page is timed to its contested points and, in the same load, to
// the claims-over-time chart of its first contested point.
// Interaction: on a rendered page, from a click to its result on screen
// (client-side, no reload): a chart dot to the report with the claim's words
// marked, an outlet name to the outlet page, an outlet page's story to the
// story's points, the claims matrix opened, the brief copied.
//
// Medians over a few rounds after one warm-up round (browser cache warm,
// the server's page cache warm).
//   node bench/ui_bench.mjs BASE_URL [rounds] [story-id] [first]
//   scripts/ui-bench.sh [DB] [rounds] [story-id] [first]   (the ant_2018 corpus store)
// story-id: the story to time (scripts/bench.sh passes the largest); it
// should have a contested point with a chart. Default: the largest of the
// 200 newest stories that has one.
// "first" (REQUIRES a story-id and a server nobody has asked yet): the FIRST
// views instead, once each, in a browser warmed on the story list: the story
// page (points, then
// chart), its HTML brief and its Markdown brief, then the outlet pages; the
// story is not read through the API before (a first view is what an analyst
// opening a story meets).
import { launch, loadPlaywright } from '../tests/browser/browser.mjs';

const [base = 'http://127.0.0.1:8080', roundsArg = '3', storyArg = '', mode = ''] = process.argv.slice(2);
const firstViews = mode === 'first';
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

/** True when a story has a contested point dated at two different times (a chart). */
async function charted(id) {
  const { points = [] } = await json(`/api/stories/${id}/points`);
  return points.some((p) => p.contested && new Set((p.over_time ?? []).map((e) => e.at).filter(Boolean)).size >= 2);
}

const list = await json('/api/stories?limit=200');
const items = list.items ?? [];
if (items.length === 0) {
  console.log('ui_bench: the store has no stories; skipped');
  process.exit(0);
}
let storyId = storyArg ? Number(storyArg) : 0;
if (firstViews && !storyId) {
  console.log('ui_bench: first views need a story id');
  process.exit(2);
}
if (!firstViews && (!storyId || !(await charted(storyId)))) {
  const bySize = [...items].sort((a, b) => (b.article_count ?? 0) - (a.article_count ?? 0));
  storyId = 0;
  for (const st of bySize.slice(0, 20)) if (await charted(st.id)) { storyId = st.id; break; }
  if (!storyId) storyId = bySize[0].id;
}
// Not read before its first view in "first" mode (its size from the list).
const story = firstViews ? null : await json(`/api/stories/${storyId}`);
const reports = story ? story.articles?.length ?? 0
  : items.find((x) => x.id === storyId)?.article_count ?? '?';
const articleId = story?.articles?.[0]?.id ?? 1;
const outlets = ((await json('/api/outlets')).items ?? []).map((o) => o.outlet).filter(Boolean).slice(0, 5);

const S = `story ${storyId} (${reports} reports)`;
// [name, url, [[label, selector], ...]]: one navigation, timed to each selector in turn.
const allPages = [
  ['story list', '/', [['content', '.story-card']]],
  [S, `/stories/${storyId}`, [['points', '[data-testid=points] .point'], ['chart', '[data-testid=claims-chart]']]],
  [`brief ${storyId} (HTML)`, `/api/stories/${storyId}/brief?format=html`, [['content', 'h1']]],
  [`brief ${storyId} (Markdown)`, `/api/stories/${storyId}/brief?format=md`, [['content', 'body']]],
  ...outlets.map((o) => [`outlet ${o}`, `/outlets/${encodeURIComponent(o)}`, [['content', '[data-testid=outlet-page]']]]),
  [`article ${articleId}`, `/articles/${articleId}`, [['content', '.article-text']]],
  ['search أسعار النفط', `/search?q=${encodeURIComponent('أسعار النفط')}`, [['content', '.results']]],
  ['entities', '/entities', [['content', '.entity-grid']]],
  ['map', '/map', [['content', 'svg.map .land path']]],
];
const pages = firstViews ? allPages.filter(([name]) => name === S || name.startsWith('brief ') || name.startsWith('outlet '))
  : allPages;

// [name, setup url, ready selector, click selector, result selector]: timed from the click.
const interactions = firstViews ? [] : [
  ['chart dot -> report, words marked', `/stories/${storyId}`, '[data-testid=claims-chart] a.claim-link',
    '[data-testid=claims-chart] a.claim-link', '.article-text .hl-cite'],
  ['story: outlet name -> outlet page', `/stories/${storyId}`, '.article-list a.outlet-link',
    '.article-list a.outlet-link', '[data-testid=outlet-page]'],
  ['story: open the claims matrix', `/stories/${storyId}`, '[data-testid=claims] summary',
    '[data-testid=claims] summary', '[data-testid=comparison]'],
  ['story: copy the brief', `/stories/${storyId}`, '[data-testid=brief] button[data-format=copy]',
    '[data-testid=brief] button[data-format=copy]', '.brief-status[data-copied]'],
  ...(outlets.length ? [[`outlet ${outlets[0]}: a story -> its points`, `/outlets/${encodeURIComponent(outlets[0])}`,
    '[data-testid=recent-stories] a', '[data-testid=recent-stories] a', '.story-page [data-testid=points], .story-page']] : []),
];

const { context, cleanup } = await launch(pw);
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
const times = new Map();
const record = (name, ms) => { if (!times.has(name)) times.set(name, []); times.get(name).push(ms); };
const visible = (sel) => page.waitForSelector(sel, { state: 'visible', timeout: 60000 });
try {
  // "first" mode: the browser is warmed on the story list (the app, its
  // fonts and scripts, as for an analyst who has the UI open), which asks
  // the server for no story, outlet or brief.
  if (firstViews) {
    await page.goto(base + '/');
    await visible('.story-card');
  }
  // Round 0 warms the browser cache (fonts, scripts); it is not counted,
  // except in "first" mode, which runs it alone.
  for (let round = 0; round <= (firstViews ? 0 : rounds); ++round) {
    const keep = (name, ms) => { if (round > 0 || firstViews) record(name, ms); };
    for (const [name, url, steps] of pages) {
      await page.goto('about:blank');
      await page.goto(base + url, { waitUntil: 'commit' });
      // On the page's own clock (0 = the navigation's start), each selector
      // seen laid out in an animation frame.
      const at = [];
      for (const [label, sel] of steps) {
        const h = await page.waitForFunction((s) => {
          const el = document.querySelector(s);
          const r = el?.getBoundingClientRect();
          return r && r.width > 0 && r.height > 0 ? performance.now() : false;
        }, sel, { polling: 'raf', timeout: 60000 });
        at.push(await h.jsonValue());
        keep(`${name}: ${label}`, at[at.length - 1]);
      }
      // The server's share: the last API response the content waited for
      // (the document itself for the brief).
      const [api, fcp] = await page.evaluate((until) => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        if (location.pathname.startsWith('/api/')) return [performance.getEntriesByType('navigation')[0]?.responseEnd ?? null, paint];
        const ends = performance.getEntriesByType('resource')
          .filter((e) => new URL(e.name).pathname.startsWith('/api/') && e.responseEnd <= until).map((e) => e.responseEnd);
        return [ends.length ? Math.max(...ends) : null, paint];
      }, at[0]);
      if (api !== null) keep(`${name}: api`, api);
      if (fcp !== null) keep(`${name}: paint`, fcp);
    }
    for (const [name, url, ready, click, result] of interactions) {
      await page.goto(base + url);
      await visible(ready);
      // The last match: a chart's dots may overlap, the last drawn is on top.
      const target = page.locator(click).last();
      await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const t0 = performance.now();
      try {
        await target.click({ timeout: 10000 });
        await visible(result);
        keep(name, performance.now() - t0);
      } catch (e) {
        errors.push(`${name}: ${String(e).split('\n')[0]}`);
      }
    }
  }
} finally {
  await cleanup();
}
console.log(firstViews ? `ui_bench: ${base}, first views, ms (one each)`
  : `ui_bench: ${base}, ${rounds} rounds after one warm-up, ms (median, max)`);
for (const [name, ms] of times) {
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(`  ${name.padEnd(52)} median ${median.toFixed(0).padStart(5)}  max ${ms[ms.length - 1].toFixed(0).padStart(5)}`);
}
if (errors.length) {
  console.error('browser errors:\n' + errors.join('\n'));
  process.exit(1);
}
