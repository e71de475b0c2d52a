// End-to-end test of the web UI: `marsad serve` on stores built from the
// seeds (../shared/seeds) and from our own markup fixture, driven in headless
// Debian chromium through playwright-core.
//
// Run through tests/browser/run.sh (which checks prerequisites, builds
// web/dist and sets the variables below), or directly:
//   MARSAD_BIN=build/marsad MARSAD_SEEDS=../shared/seeds node --test tests/browser/e2e.test.mjs
//
// Every check reads what the page shows (DOM text and data-* attributes the
// UI sets from the API), never the API alone, and the browser console must
// stay free of errors, which includes Content-Security-Policy violations.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, loadPlaywright, repoRoot } from './browser.mjs';
import { ingest as ingestInto, serve as startServer } from './server.mjs';

const bin = process.env.MARSAD_BIN ?? path.join(repoRoot, 'build', 'marsad');
const seeds = process.env.MARSAD_SEEDS ?? path.resolve(repoRoot, '..', 'shared', 'seeds');
const dist = process.env.MARSAD_WEB_DIST ?? path.join(repoRoot, 'web', 'dist');
const fixtures = path.join(repoRoot, 'tests', 'browser', 'fixtures', 'markup');
const shots = process.env.MARSAD_SCREENSHOTS;  // optional: folder for screenshots

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'marsad-e2e-'));
const servers = [];
let pw, browser, consoleErrors = [];

function ingest(db, input) { ingestInto(bin, db, input); }

/** `marsad serve` on the store DB (tests/browser/server.mjs), stopped after the tests. */
async function serve(db) {
  const { base, proc } = await startServer(bin, db, dist);
  servers.push(proc);
  return base;
}

async function getJson(base, p) {
  const r = await fetch(base + p);
  assert.ok(r.ok, `${p}: HTTP ${r.status}`);
  return r.json();
}

async function newPage() {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e}`));
  return page;
}

async function snap(page, name) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: name !== 'map' });
}

/** Seed file prefix ("000"...) -> stored article id, from the stories' article lists. */
async function seedIds(base) {
  const ids = new Map();
  const stories = await getJson(base, '/api/stories?limit=200');
  for (const st of stories.items) {
    const detail = await getJson(base, `/api/stories/${st.id}`);
    for (const a of detail.articles) {
      const m = /(\d{3})_[0-9a-f]+\.txt$/.exec(a.source ?? '');
      if (m) ids.set(m[1], a.id);
    }
  }
  for (const k of ['000', '001', '002', '003', '004']) assert.ok(ids.has(k), `seed ${k} not found in any story`);
  return ids;
}

before(async () => {
  pw = loadPlaywright();
  assert.ok(pw, 'playwright-core is not installed in web/node_modules (run scripts/build-web.sh)');
  ({ context: browser } = await launch(pw));
});

after(async () => {
  for (const p of servers) p.kill('SIGTERM');
  await browser?.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('seeds', () => {
  let base, ids;
  before(async () => {
    const db = path.join(tmp, 'seeds.db');
    ingest(db, seeds);
    // A saved search, as `marsad alert add` makes it (the alerts page).
    const add = spawnSync(bin, ['alert', '--db', db, 'add', 'ryabkov', 'ريابكوف'], { encoding: 'utf8' });
    assert.equal(add.status, 0, `marsad alert add failed:\n${add.stdout}\n${add.stderr}`);
    base = await serve(db);
    ids = await seedIds(base);
  });

  test('hashed assets are cached for good, the page itself is not', async () => {
    const html = await (await fetch(base + '/')).text();
    const asset = /\/assets\/[^"]+\.js/.exec(html);
    assert.ok(asset, 'index.html names no script under /assets/');
    const r = await fetch(base + asset[0]);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('cache-control') ?? '', /immutable/);
    const page = await fetch(base + '/');
    assert.doesNotMatch(page.headers.get('cache-control') ?? '', /immutable/);
  });

  test('the story list shows three stories', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.waitForSelector('.story-card');
    assert.equal(await page.locator('.story-card').count(), 3);
    assert.equal((await page.locator('[data-testid=story-total]').textContent()).trim(), '3');
    await snap(page, 'stories');
    await page.close();
  });

  test('a thread page lists the stories the API gives for it, each linking its story (issue 20)', async () => {
    const stories = await getJson(base, '/api/stories?limit=200');
    const id = stories.items[0].id;
    const thread = await getJson(base, `/api/threads/${id}`);
    assert.equal(thread.id, stories.items[0].thread);
    const page = await newPage();
    await page.goto(`${base}/threads/${id}`);
    await page.waitForSelector('.thread-page .story-card');
    assert.equal((await page.locator('[data-testid=thread-total]').textContent()).trim(), String(thread.total));
    assert.equal(await page.locator('.thread-page .story-card').count(), thread.items.length);
    for (const st of thread.items)
      assert.equal(await page.locator(`.thread-page a[href="/stories/${st.id}"]`).count(), 1);
    await page.close();
  });

  test('the language switch turns the UI to English and back, and the choice survives a reload', async () => {
    const page = await newPage();
    /** <html lang/dir>, the switch's label, the nav's first label and the page's own heading. */
    const state = async () => ({
      lang: await page.evaluate(() => document.documentElement.lang),
      dir: await page.evaluate(() => document.documentElement.dir),
      toggle: (await page.locator('.langswitch').textContent()).trim(),
      nav: (await page.locator('.mainnav a[data-section=stories]').textContent()).trim(),
      heading: (await page.locator('main h1').textContent()).replace(/\d+$/, '').trim(),
      total: (await page.locator('[data-testid=story-total]').textContent()).trim(),
    });
    const arabic = { lang: 'ar', dir: 'rtl', toggle: 'English', nav: 'القصص', heading: 'القصص', total: '3' };
    const english = { lang: 'en', dir: 'ltr', toggle: 'العربية', nav: 'Stories', heading: 'Stories', total: '3' };
    try {
      await page.goto(base + '/');
      await page.waitForSelector('.story-card');
      assert.deepEqual(await state(), arabic);
      // Switch: the current page is drawn again from the English table, no reload.
      await page.locator('.langswitch').click();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.startsWith('Stories'));
      assert.deepEqual(await state(), english);
      assert.equal(await page.locator('.story-card').count(), 3);
      assert.equal(await page.evaluate(() => localStorage.getItem('marsad.lang')), 'en');
      // Kept across a reload.
      await page.reload();
      await page.waitForSelector('.story-card');
      assert.deepEqual(await state(), english);
      // And back to Arabic, also kept.
      await page.locator('.langswitch').click();
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.startsWith('القصص'));
      assert.deepEqual(await state(), arabic);
      await page.reload();
      await page.waitForSelector('.story-card');
      assert.deepEqual(await state(), arabic);
    } finally {
      // The browser context is shared: leave the other tests an Arabic page.
      await page.evaluate(() => localStorage.removeItem('marsad.lang')).catch(() => {});
      await page.close();
    }
  });

  test('an outlet of the outlet table shows its Latin name and country (issue 26)', async () => {
    const page = await newPage();
    try {
      await page.goto(`${base}/outlets/${encodeURIComponent('الثورة')}`);
      await page.waitForSelector('[data-testid=outlet-page]');
      assert.equal(await page.locator('[data-testid=outlet-latin]').textContent(), 'Al-Thawra');
      assert.equal(await page.locator('[data-testid=outlet-country]').getAttribute('data-country'), 'SY');
      assert.match(await page.locator('[data-testid=outlet-country]').textContent(), /سوريا/);
    } finally {
      await page.close();
    }
  });

  test('the strike story shows its two contested points first: 25 injured against about 150 killed and wounded, Russian presence asserted and denied', async () => {
    const strike = (await getJson(base, `/api/articles/${ids.get('002')}`)).story;
    assert.ok(strike, 'seed 002 has no story');
    const page = await newPage();
    await page.goto(`${base}/stories/${strike}`);
    await page.waitForSelector('[data-testid=points]');
    const points = await page.locator('[data-testid=points] .point').evaluateAll((els) => els.map((el) => ({
      kind: el.getAttribute('data-kind'), contested: el.getAttribute('data-contested') === 'true',
      label: el.querySelector('.point-label')?.textContent ?? '',
      badge: el.querySelector('.point-head .badge')?.textContent ?? '',
      positions: [...el.querySelectorAll('.position')].map((p) => ({
        value: p.getAttribute('data-value'), modality: p.getAttribute('data-modality'),
        label: p.querySelector('.value')?.textContent ?? '', source: p.querySelector('.source')?.textContent ?? '',
        outlets: p.querySelector('.outlets')?.textContent ?? '',
        reports: Number(p.querySelector('.reports')?.getAttribute('data-reports')),
        firstSeen: p.querySelector('.first-seen')?.textContent ?? '',
        words: p.querySelector('.quote q.words')?.textContent ?? '',
        href: p.querySelector('.quote a')?.getAttribute('href') ?? '',
      })),
    })));
    // Exactly the two disagreements of EXPECTED.md, first, and nothing else flagged.
    const contested = points.filter((p) => p.contested);
    assert.equal(contested.length, 2, `contested points: ${JSON.stringify(contested)}`);
    assert.ok(points.slice(0, 2).every((p) => p.contested), 'contested points are not first');
    const figures = contested.find((p) => p.kind === 'killed_or_injured');
    assert.ok(figures, `no killed-or-injured point: ${JSON.stringify(contested)}`);
    assert.equal(figures.label, 'قتلى وجرحى');
    assert.equal(figures.badge, 'خلاف');
    const v25 = figures.positions.find((p) => p.value === '25');
    const v150 = figures.positions.find((p) => p.value === '~150');
    assert.ok(v25 && v150, `25 and ~150 not both positions: ${JSON.stringify(figures.positions)}`);
    assert.equal(v150.label, 'نحو 150');
    assert.match(v25.source, /وزارة الدفاع الروسية/);
    assert.equal(v25.reports, 2);
    assert.match(v25.outlets, /الثورة/);
    const presence = contested.find((p) => p.kind === 'presence');
    assert.ok(presence, `no presence point: ${JSON.stringify(contested)}`);
    assert.equal(presence.label, 'الحضور العسكري: روس');
    const denied = presence.positions.find((p) => p.modality === 'denied');
    const asserted = presence.positions.find((p) => p.modality === 'asserted');
    assert.ok(denied && asserted, `presence lacks a side: ${JSON.stringify(presence.positions)}`);
    assert.equal(denied.label, 'نفي');
    assert.match(denied.source, /وزارة الدفاع الروسية/);
    // Every position of a contested point: its words, linking to the report at their span.
    for (const p of contested.flatMap((x) => x.positions)) {
      assert.ok(p.words.length > 0, `position without words: ${JSON.stringify(p)}`);
      assert.match(p.href, /^\/articles\/\d+#s=\d+-\d+$/);
      assert.match(p.firstSeen, /أول ظهور/);
    }
    // The words are the report's own, at the span the link names.
    const art = (await getJson(base, `/api/articles/${ids.get('002')}`));
    const inArt = contested.flatMap((x) => x.positions).find((p) => p.href.startsWith(`/articles/${art.id}#`));
    if (inArt) {
      const [b, e] = /#s=(\d+)-(\d+)/.exec(inArt.href).slice(1).map(Number);
      assert.equal(art.text.slice(b, e), inArt.words);
    }
    // Agreements read as agreements.
    const agreed = points.filter((p) => !p.contested);
    assert.ok(agreed.length > 0 && agreed.every((p) => p.badge === 'اتفاق'), JSON.stringify(agreed));
    // No slot or modality code in English anywhere on the page (the folded matrix included).
    const pageText = await page.locator('.story-page').textContent();
    const english = /\b(killed|injured|presence|personnel|asserted|denied|alleged|weapon|chemical|responsibility|occurred|attack|ASSAULT|used|incident|wider)\b/.exec(pageText);
    assert.equal(english, null, `English code on the page: ${english?.[0]}`);
    // The matrix (folded) still flags both figures.
    const disputedValues = await page.locator('.matrix tr.disputed .claim').evaluateAll((els) =>
      els.map((c) => c.getAttribute('data-value')));
    assert.ok(disputedValues.includes('25') && disputedValues.includes('150'));
    // Short: the points are in the first screen and the page is not a scroll of matrix rows.
    const top = await page.locator('[data-testid=points] .point').first().boundingBox();
    assert.ok(top && top.y < 900, `first point at ${top?.y}px`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 2400, `story page is ${height}px tall`);
    await snap(page, 'story');
    await page.close();
  });

  test('searching ريابكوف finds 001 and 003 with highlights', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.fill('.quicksearch input', 'ريابكوف');
    await page.press('.quicksearch input', 'Enter');
    await page.waitForSelector('.hit');
    const hits = await page.locator('.hit').evaluateAll((els) => els.map((el) => ({
      id: Number(el.getAttribute('data-article')), marks: [...el.querySelectorAll('mark')].map((m) => m.textContent),
    })));
    const found = new Set(hits.map((h) => h.id));
    assert.ok(found.has(ids.get('001')) && found.has(ids.get('003')), `hits ${JSON.stringify(hits)}`);
    for (const h of hits.filter((x) => [ids.get('001'), ids.get('003')].includes(x.id))) {
      assert.ok(h.marks.some((m) => m.includes('ريابكوف')), `article ${h.id} has no highlighted name: ${h.marks}`);
    }
    await snap(page, 'search');
    // The hit opens the article with the matches highlighted in the text.
    await page.locator(`.hit[data-article="${ids.get('003')}"] a`).first().click();
    await page.waitForSelector('.article-text .hl-hit');
    assert.ok((await page.locator('.article-text .hl-hit').first().textContent()).length > 0);
    await page.close();
  });

  test('the alerts page lists the saved search with its matching reports', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.click('.mainnav a[data-section="alerts"]');
    await page.waitForSelector('.alert-item[data-alert="ryabkov"]');
    const item = page.locator('.alert-item[data-alert="ryabkov"]');
    assert.match(await item.textContent(), /ريابكوف/);
    const latest = (await item.locator('li[data-article]').evaluateAll((els) =>
      els.map((el) => ({ id: Number(el.getAttribute('data-article')), reported: el.getAttribute('data-reported') }))));
    const found = new Set(latest.map((m) => m.id));
    assert.ok(found.has(ids.get('001')) && found.has(ids.get('003')), `latest ${JSON.stringify(latest)}`);
    // Saved after the seeds were stored: they are not news to it.
    assert.ok(latest.every((m) => m.reported === 'true'), `latest ${JSON.stringify(latest)}`);
    await snap(page, 'alerts');
    await page.close();
  });

  test('the article reader highlights entities, numbers and dates from spans', async () => {
    const page = await newPage();
    await page.goto(`${base}/articles/${ids.get('002')}`);
    await page.waitForSelector('.article-text');
    const text = await page.locator('.article-text').textContent();
    const a = await getJson(base, `/api/articles/${ids.get('002')}`);
    assert.equal(text, a.text, 'rendered text differs from the clean text');
    for (const e of (a.analysis.entities ?? []).slice(0, 20)) {
      assert.equal(a.text.slice(e.span.begin16, e.span.end16), e.text, 'UTF-16 span does not match surface');
    }
    assert.ok(await page.locator('.article-text .hl-ent').count() > 0, 'no entity highlighted');
    assert.ok(await page.locator('.article-text .hl-num').count() > 0, 'no number highlighted');
    await snap(page, 'article');
    await page.goto(`${base}/map`);
    await page.waitForSelector('svg.map .land path');
    await snap(page, 'map');
    await page.goto(`${base}/entities`);
    await page.waitForSelector('.entity-item');
    await snap(page, 'entities');
    await page.close();
  });
});

// Issue 27 on our own made-up reports (tests/golden/brief): two outlets
// agree on 12 dead, a report without an outlet, two hours later, says 40.
describe('brief and claims over time', () => {
  let base;
  before(async () => {
    const db = path.join(tmp, 'brief.db');
    const golden = path.join(repoRoot, 'tests', 'golden', 'brief');
    ingest(db, path.join(golden, 'reports_ab.jsonl'));
    ingest(db, path.join(golden, 'report_c.jsonl'));
    base = await serve(db);
  });

  test('the story page charts the contested figure over time and links the brief', async () => {
    const page = await newPage();
    await page.goto(`${base}/stories/1`);
    await page.waitForSelector('[data-testid=points] .point.contested [data-testid=claims-chart]');
    const dots = await page.locator('[data-testid=claims-chart] .claim-dot').evaluateAll((els) =>
      els.map((el) => ({ value: el.getAttribute('data-value'), first: el.getAttribute('data-first') })));
    // Three reports: 12 (first), 12, 40 (first).
    assert.deepEqual(dots.map((d) => d.value).sort(), ['12', '12', '40'], JSON.stringify(dots));
    assert.equal(dots.filter((d) => d.first === 'true').length, 2);
    const text = await page.locator('.story-page').textContent();
    assert.ok(text.includes('وسيلة غير معروفة (التقرير 3)'), 'the report without an outlet is not named in words');
    assert.doesNotMatch(text, /(^|[^ل])تقرير 3/, 'a bare "تقرير 3" is shown');
    assert.doesNotMatch(text, /\b(killed|asserted|outlet|slot)\b/, 'English codes on the page');
    // The brief: the page opens in a new tab, the Markdown downloads.
    const html = page.locator('[data-testid=brief] a[data-format=html]');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), html.click()]);
    tab.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${tab.url()}: ${m.text()}`); });
    await tab.waitForLoadState();
    assert.equal(await tab.evaluate(() => document.documentElement.dir), 'rtl');
    const brief = await tab.locator('body').textContent();
    assert.ok(brief.includes('موجز القصة'), brief);
    assert.ok(brief.includes('وزارة الصحة') && brief.includes('مصدر في الدفاع المدني'), brief);
    assert.equal(await tab.locator('a[href="https://example.org/sahil/1"]').count() > 0, true);
    await snap(tab, 'brief');
    await tab.close();
    const md = await fetch(base + (await page.locator('[data-testid=brief] a[data-format=md]').getAttribute('href')));
    assert.equal(md.status, 200);
    assert.match(md.headers.get('content-disposition') ?? '', /attachment; filename="brief-1\.md"/);
    assert.match(await md.text(), /\*\*40\*\* — مصدر في الدفاع المدني/);
    await snap(page, 'story-claims-over-time');
    await page.close();
  });

  test('in English the points, positions and the report without an outlet are named in English (issue 27)', async () => {
    const page = await newPage();
    try {
      await page.goto(`${base}/stories/1`);
      await page.evaluate(() => localStorage.setItem('marsad.lang', 'en'));
      await page.reload();
      await page.waitForSelector('[data-testid=points] .point.contested [data-testid=claims-chart]');
      const point = page.locator('[data-testid=points] .point.contested').first();
      assert.equal(await point.getAttribute('data-kind'), 'killed');
      assert.equal((await point.locator('.point-label').textContent()).trim(), 'killed');
      const text = await page.locator('[data-testid=points]').innerText();
      // Server words (قتلى, وسيلة غير معروفة (التقرير 3), نفي...) are not shown; the
      // sources' names and quoted words are data and stay as written.
      assert.ok(text.includes('Unknown outlet (report 3)'), text);
      assert.doesNotMatch(text, /قتلى|وسيلة غير معروفة|تأكيد|نفي|نحو|يحمّل/, text);
      const titles = await page.locator('[data-testid=claims-chart] .claim-dot title').allTextContents();
      assert.ok(titles.some((t) => t.includes('Unknown outlet (report 3)')), titles.join('\n'));
    } finally {
      await page.evaluate(() => localStorage.removeItem('marsad.lang')).catch(() => {});
      await page.close();
    }
  });

  test('an outlet name links to its profile page (issue 27)', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    // The story card's chip is a link to the outlet's page.
    const chip = page.locator('.story-card a.chip[data-outlet="جريدة الساحل"]').first();
    await chip.waitFor();
    assert.equal(await chip.getAttribute('href'), `/outlets/${encodeURIComponent('جريدة الساحل')}`);
    // From the story page's list of reports, without reloading.
    await page.goto(`${base}/stories/1`);
    await page.waitForSelector('.article-list a.outlet-link');
    await page.locator('.article-list a.outlet-link[data-outlet="جريدة الساحل"]').first().click();
    await page.waitForSelector('[data-testid=outlet-page]');
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), '/outlets/جريدة الساحل');
    assert.equal(await page.locator('.outlet-page h1').textContent(), 'جريدة الساحل');
    assert.equal(await page.locator('[data-testid=outlet-reports]').getAttribute('data-reports'), '1');
    // 12 dead with the other outlet, against 40 from the report without one.
    assert.equal(await page.locator('[data-testid=figures-apart] [data-apart]').getAttribute('data-apart'), '1');
    // It reported first.
    assert.equal(await page.locator('[data-testid=delay] [data-hours]').getAttribute('data-hours'), '0');
    assert.equal(await page.locator('[data-testid=cites] [data-speaker="وزارة الصحة"]').count(), 1);
    assert.equal(await page.locator('[data-testid=recent-stories] [data-story="1"] a').count(), 1);
    const text = await page.locator('.outlet-page').textContent();
    assert.doesNotMatch(text, /\b(killed|outlet|points|null|undefined)\b/, 'English codes on the page');
    await snap(page, 'outlet');
    await page.close();
  });

  test('the points endpoint gives each point its timeline', async () => {
    const j = await getJson(base, '/api/stories/1/points');
    const killed = j.points.find((p) => p.kind === 'killed');
    assert.ok(killed?.contested, JSON.stringify(j.points.map((p) => p.kind)));
    assert.deepEqual(killed.over_time.map((e) => [e.value, e.first]), [['12', true], ['12', false], ['40', true]]);
    assert.equal(killed.over_time[2].outlet, 'وسيلة غير معروفة (التقرير 3)');
  });
});

// Issue 27's three analyst views on our own three-day story
// (tests/browser/fixtures/timeline, invented outlets and words): the health
// ministry's toll rises 8 -> 14 -> 21 over three days while a civil-defence
// source holds 30; a seventh report, an unrelated festival, is a story of
// its own for one outlet.
describe('claims over time, the brief and outlet pages on a three-day story', () => {
  let base, texts;
  const reportsFile = path.join(repoRoot, 'tests', 'browser', 'fixtures', 'timeline', 'reports.jsonl');
  const reports = fs.readFileSync(reportsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const ENGLISH = /\b(killed|injured|asserted|denied|outlet|slot|source|undefined|null|NaN)\b/;
  before(async () => {
    const db = path.join(tmp, 'timeline.db');
    ingest(db, reportsFile);
    // An alert on new contradictions in the fire story (the alerts page).
    const add = spawnSync(bin, ['alert', '--db', db, 'add', 'fire', '--contradictions', '--story', '1'], { encoding: 'utf8' });
    assert.equal(add.status, 0, `marsad alert add failed:\n${add.stdout}\n${add.stderr}`);
    base = await serve(db);
    // The stored clean text of each report, by id (1..7 in file order).
    texts = new Map();
    for (let id = 1; id <= reports.length; id++) texts.set(id, (await getJson(base, `/api/articles/${id}`)).text);
  });

  test('the chart: a line per source, the rising toll and the flat one, dots linking to the words', async () => {
    const page = await newPage();
    await page.goto(`${base}/stories/1`);
    await page.waitForSelector('.point.contested[data-kind=killed] [data-testid=claims-chart]');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    const chart = page.locator('.point.contested[data-kind=killed] [data-testid=claims-chart]');
    // Time runs left to right inside the right-to-left page.
    assert.equal(await chart.evaluate((el) => getComputedStyle(el).direction), 'ltr');
    const dots = await chart.locator('.claim-dot').evaluateAll((els) => els.map((el) => ({
      article: Number(el.getAttribute('data-article')), value: el.getAttribute('data-value'),
      first: el.getAttribute('data-first') === 'true', x: Number(el.getAttribute('cx')), y: Number(el.getAttribute('cy')),
      href: el.closest('a')?.getAttribute('href') ?? '', title: el.querySelector('title')?.textContent ?? '',
    })));
    dots.sort((a, b) => a.article - b.article);
    assert.deepEqual(dots.map((d) => [d.article, d.value]),
      [[1, '8'], [2, '30'], [3, '14'], [4, '30'], [5, '21'], [6, '21']], JSON.stringify(dots));
    assert.deepEqual(dots.filter((d) => d.first).map((d) => d.value), ['8', '30', '14', '21']);
    for (let i = 1; i < dots.length; i++) assert.ok(dots[i].x > dots[i - 1].x, `report ${dots[i].article} not right of ${dots[i - 1].article}`);
    // The ministry's dots climb (SVG y grows downwards); the civil defence's stay level.
    const ministry = dots.filter((d) => ['8', '14', '21'].includes(d.value));
    assert.ok(ministry[0].y > ministry[1].y && ministry[1].y > ministry[2].y, JSON.stringify(ministry));
    const civil = dots.filter((d) => d.value === '30');
    assert.equal(civil[0].y, civil[1].y);
    assert.equal(await chart.locator('polyline').count(), 2, 'not one line per source');
    const legend = await page.locator('.point[data-kind=killed] .claims-legend').textContent();
    assert.ok(legend.includes('وزارة الصحة') && legend.includes('مصدر في الدفاع المدني'), legend);
    assert.match(dots[0].title, /^2025-02-10 09:00 — صحيفة المدار — وزارة الصحة: 8$/);
    // Each dot links to its report at the claim's words, and the words are the report's.
    for (const d of dots) {
      const m = /^\/articles\/(\d+)#s=(\d+)-(\d+)$/.exec(d.href);
      assert.ok(m, `dot of report ${d.article} links to ${d.href}`);
      assert.equal(Number(m[1]), d.article);
      assert.equal(texts.get(d.article).slice(Number(m[2]), Number(m[3])), d.value);
    }
    // The same reports as a table, in publication order, with outlet links.
    const rows = await page.locator('.point[data-kind=killed] [data-testid=claims-table] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({ value: tr.getAttribute('data-value'), cells: [...tr.cells].map((c) => c.textContent),
        outlet: tr.querySelector('a.outlet-link')?.getAttribute('href') ?? '',
        changedFrom: tr.getAttribute('data-changed-from') })));
    assert.deepEqual(rows.map((r) => r.value), ['8', '30', '14', '30', '21', '21']);
    // Which source changed its account: the ministry twice (8 -> 14 -> 21), the civil defence never.
    assert.deepEqual(rows.map((r) => r.changedFrom), [null, null, '8', null, '14', null]);
    assert.match(rows[2].cells[3], /غيّر المصدر روايته، كان: 8/);
    assert.equal(rows[0].cells[0], '10 فبراير 2025، 09:00');
    assert.equal(rows[1].cells[2], 'مصدر في الدفاع المدني');
    assert.equal(decodeURIComponent(rows[3].outlet), '/outlets/إذاعة الجبل');
    const text = await page.locator('.story-page').textContent();
    assert.doesNotMatch(text, ENGLISH, 'English codes on the story page');
    await snap(page, 'story-timeline-fixture');
    // A click on the first dot opens the report with the words marked.
    await chart.locator('a.claim-link').filter({ has: page.locator('[data-article="1"]') }).click();
    await page.waitForSelector('.article-text .hl-cite');
    assert.equal(new URL(page.url()).pathname, '/articles/1');
    assert.equal(await page.locator('.article-text .hl-cite').first().textContent(), '8');
    await page.close();
  });

  test('the brief: right to left, every position with its source, the words as the reports have them, links to each report', async () => {
    const page = await newPage();
    await page.goto(`${base}/api/stories/1/brief?format=html`);
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    const box = page.locator('body > div[dir=rtl]');
    assert.equal(await box.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    assert.match(await box.evaluate((el) => getComputedStyle(el).fontFamily), /Noto Naskh Arabic/);
    assert.equal(await page.locator('h1').textContent(), `موجز القصة: ${reports[1].title}`);
    const body = await page.locator('body').innerText();
    // The contested point and its four positions, each with its source.
    assert.match(body, /نقاط الخلاف \(1\)/);
    for (const [value, source] of [['30', 'مصدر في الدفاع المدني'], ['8', 'وزارة الصحة'], ['14', 'وزارة الصحة'], ['21', 'وزارة الصحة']]) {
      assert.ok(body.includes(`${value} — ${source}`), `no position ${value} — ${source}`);
    }
    // Over time: the first report of each position, in order.
    const seq = [...body.matchAll(/(صحيفة المدار|وكالة السهل|إذاعة الجبل) — (وزارة الصحة|مصدر في الدفاع المدني): (\d+)/g)].map((m) => m[3]);
    assert.deepEqual(seq, ['8', '30', '14', '21']);
    // Every quotation is a report's own words.
    const quotes = [...body.matchAll(/«([^»]+)»/g)].map((m) => m[1]);
    assert.ok(quotes.length >= 6, `quotes: ${quotes}`);
    for (const q of quotes) assert.ok([...texts.values()].some((t) => t.includes(q)), `words not in any report: ${q}`);
    // Every report of the story is linked by its address.
    const hrefs = new Set(await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    for (const r of reports.slice(0, 6)) assert.ok(hrefs.has(r.url), `no link to ${r.url}`);
    assert.ok(!hrefs.has(reports[6].url), 'the festival report is in the brief');
    assert.doesNotMatch(body, ENGLISH, 'English codes in the brief');
    await snap(page, 'brief-fixture');
    await page.close();
  });

  test('the brief goes to the clipboard from the story page, as rich text and Markdown', async () => {
    await browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await newPage();
    await page.goto(`${base}/stories/1`);
    await page.click('[data-testid=brief] button[data-format=copy]');
    await page.waitForSelector('[data-testid=brief] .brief-status[data-copied]');
    assert.equal(await page.locator('.brief-status').getAttribute('data-copied'), 'true',
      await page.locator('.brief-status').textContent());
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return { types: item.types, html: await (await item.getType('text/html')).text(),
        text: await (await item.getType('text/plain')).text() };
    });
    assert.ok(copied.types.includes('text/html') && copied.types.includes('text/plain'), copied.types.join());
    assert.match(copied.html, /dir="rtl"/);
    assert.ok(copied.html.includes('https://example.org/sahl/71'));
    assert.match(copied.text, /\*\*21\*\* — وزارة الصحة/);
    await page.close();
  });

  test('outlet pages: figures apart, reporting delay, whom it cites, its stories, in Arabic', async () => {
    const page = await newPage();
    // From the story page's report list to the outlet that reported first.
    await page.goto(`${base}/stories/1`);
    await page.locator('.article-list a.outlet-link[data-outlet="صحيفة المدار"]').first().click();
    await page.waitForSelector('[data-testid=outlet-page]');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.locator('.outlet-page h1').textContent(), 'صحيفة المدار');
    assert.equal(await page.locator('[data-testid=outlet-reports]').getAttribute('data-reports'), '2');
    // Its 8 and 14 against the civil defence's 30, carried by other outlets.
    const apart = page.locator('[data-testid=figures-apart]');
    assert.equal(await apart.locator('[data-apart]').getAttribute('data-apart'), '1');
    assert.equal(await apart.locator('[data-share]').textContent(), '100٪');
    assert.equal(await apart.locator('a[href="/stories/1"]').count(), 1);
    assert.equal(await page.locator('[data-testid=delay] [data-hours]').getAttribute('data-hours'), '0');
    assert.match(await page.locator('[data-testid=delay]').textContent(), /في الساعة نفسها/);
    assert.match(await page.locator('[data-testid=cites] [data-speaker="وزارة الصحة"]').textContent(), /3 اقتباس/);
    assert.doesNotMatch(await page.locator('.outlet-page').textContent(), ENGLISH);
    // The outlet that came a day later and also has a story of its own.
    await page.goto(`${base}/outlets/${encodeURIComponent('إذاعة الجبل')}`);
    await page.waitForSelector('[data-testid=outlet-page]');
    assert.equal(await page.locator('[data-testid=outlet-reports]').getAttribute('data-reports'), '3');
    assert.equal(await page.locator('[data-testid=delay] [data-hours]').getAttribute('data-hours'), '27');
    assert.match(await page.locator('[data-testid=delay]').textContent(), /بعد 27 ساعة/);
    const stories = await page.locator('[data-testid=recent-stories] [data-story]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-story')));
    assert.deepEqual(stories, ['2', '1']);
    const speakers = await page.locator('[data-testid=cites] [data-speaker]').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-speaker')).sort());
    assert.deepEqual(speakers, ['رئيس البلدية', 'مصدر في الدفاع المدني', 'وزارة الصحة']);
    await snap(page, 'outlet-fixture');
    // Its newest story opens from the page.
    await page.locator('[data-testid=recent-stories] [data-story="2"] a').click();
    await page.waitForSelector('.story-page[data-story="2"]');
    await page.close();
  });

  test('an alert on contradictions says what it fires on and links the story it watches', async () => {
    const page = await newPage();
    await page.goto(`${base}/alerts`);
    const item = page.locator('.alert-item[data-alert="fire"]');
    await item.waitFor();
    assert.equal(await item.getAttribute('data-kind'), 'positions');
    assert.equal(await item.locator('h2 .badge').textContent(), 'تنبيه على التناقض');
    const text = await item.innerText();
    assert.match(text, /موقف جديد في نقطة خلاف/);
    assert.match(text, /القصة: قصة 1/);
    assert.doesNotMatch(text, /\b(kind|positions)\b|«»/, text);
    assert.equal(await item.locator('li[data-article]').count(), 5);
    await item.locator('.meta a[href="/stories/1"]').click();
    await page.waitForSelector('.story-page[data-story="1"]');
    await page.close();
  });
});

describe('watch this story (issue 27)', () => {
  let base, db;
  const golden = path.join(repoRoot, 'tests', 'golden', 'brief');
  before(async () => {
    db = path.join(tmp, 'watch.db');
    ingest(db, path.join(golden, 'reports_ab.jsonl'));  // 12 dead, agreed
    base = await serve(db);
  });

  test('the button saves an alert on contradictions, which fires when a later report contradicts the toll', async () => {
    const page = await newPage();
    await page.goto(`${base}/stories/1`);
    const button = page.locator('[data-testid=watch]');
    await button.waitFor();
    assert.equal(await button.textContent(), 'راقب هذه القصة');
    await button.click();
    const status = page.locator('.watch-status[data-watch]');
    await status.waitFor();
    assert.equal(await status.getAttribute('data-watch'), 'story-1');
    assert.match(await status.innerText(), /تُراقَب القصة/);
    // The alert as `marsad alert list` sees it, and on the alerts page.
    const list = spawnSync(bin, ['alert', '--db', db, 'list'], { encoding: 'utf8' });
    assert.match(list.stdout, /^story-1\t\[contradictions\] +story 1\t/m, list.stdout + list.stderr);
    await status.locator('a[href="/alerts"]').click();
    const item = page.locator('.alert-item[data-alert="story-1"]');
    await item.waitFor();
    assert.equal(await item.getAttribute('data-kind'), 'positions');
    // Watching again says so and saves nothing more.
    await page.goto(`${base}/stories/1`);
    await page.locator('[data-testid=watch]').click();
    await page.locator('.watch-status[data-watch]').waitFor();
    assert.match(await page.locator('.watch-status').innerText(), /مراقبة من قبل/);
    assert.equal((await getJson(base, '/api/alerts')).items.length, 1);
    // A later report gives 40 against the ministry's 12: the alert fires once.
    const out = path.join(tmp, 'watch-alerts.jsonl');
    const r = spawnSync(bin, ['ingest', '--db', db, '--alerts-out', out, path.join(golden, 'report_c.jsonl')],
      { encoding: 'utf8', timeout: 300000 });
    assert.equal(r.status, 0, r.stderr);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.equal(lines[0].alert, 'story-1', JSON.stringify(lines[0]));
    assert.match(JSON.stringify(lines[0]), /"40"|:40\b/);
    await page.close();
  });

  test('a watch from another site (a form, not JSON) is refused', async () => {
    const r = await fetch(`${base}/api/stories/1/watch`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
    assert.equal(r.status, 415);
  });
});

describe('markup in a report', () => {
  let base;
  before(async () => {
    const db = path.join(tmp, 'markup.db');
    ingest(db, fixtures);
    base = await serve(db);
  });

  test('a report containing <script> and <b> renders them as text', async () => {
    const page = await newPage();
    await page.goto(base + '/');
    await page.waitForSelector('.story-card');
    assert.equal(await page.locator('main b, main script').count(), 0, 'markup in a title became elements');
    await page.locator('.story-card a').first().click();
    // The report's title (its outlet's name links to the outlet's page).
    await page.waitForSelector('.article-list a[href^="/articles/"]');
    await page.locator('.article-list a[href^="/articles/"]').first().click();
    await page.waitForSelector('.article-text');
    const text = await page.locator('.article-text').textContent();
    assert.ok(text.includes('<script>window.marsadInjected = true;</script>'), `markup not shown as text: ${text}`);
    assert.ok(text.includes('<b>ألف شجرة</b>'));
    assert.equal(await page.locator('main script, main b, main img').count(), 0, 'markup became elements');
    assert.equal(await page.evaluate(() => window.marsadInjected), undefined, 'injected script ran');
    await page.close();
  });
});

// Issue 27: what the cleaner removed is named in the UI's language, its code
// kept in data-reason (our own made-up report ending with a share button).
describe('what the cleaner removed', () => {
  let base, id;
  before(async () => {
    const db = path.join(tmp, 'furniture.db');
    ingest(db, path.join(repoRoot, 'tests', 'browser', 'fixtures', 'furniture'));
    base = await serve(db);
    const stories = await getJson(base, '/api/stories?limit=10');
    id = (await getJson(base, `/api/stories/${stories.items[0].id}`)).articles[0].id;
  });

  test('removal codes are named in Arabic, and in English in English, the code in data-reason', async () => {
    const page = await newPage();
    try {
      const a = await getJson(base, `/api/articles/${id}`);
      assert.ok((a.analysis.removed ?? []).some((r) => r.reason === 'furniture:share'),
        `the fixture's share line was not removed: ${JSON.stringify(a.analysis.removed)}`);
      const badges = async () => page.locator('.removed .badge').evaluateAll((els) =>
        els.map((e) => ({ code: e.dataset.reason, text: e.textContent.trim() })));
      await page.goto(`${base}/articles/${id}`);
      await page.waitForSelector('.removed .badge', { state: 'attached' });
      const ar = await badges();
      assert.ok(ar.length > 0);
      for (const b of ar) assert.doesNotMatch(b.text, /[a-z]/i, `a code shown as it is: ${b.text}`);
      assert.deepEqual(ar.find((b) => b.code === 'furniture:share'),
        { code: 'furniture:share', text: 'من هيكل الصفحة: أزرار المشاركة' });
      await page.evaluate(() => localStorage.setItem('marsad.lang', 'en'));
      await page.reload();
      await page.waitForSelector('.removed .badge', { state: 'attached' });
      const en = await badges();
      assert.deepEqual(en.map((b) => b.code), ar.map((b) => b.code));
      assert.deepEqual(en.find((b) => b.code === 'furniture:share'),
        { code: 'furniture:share', text: 'page furniture: share' });
      for (const b of en) assert.doesNotMatch(b.text, /[\u0600-\u06ff]|:[a-z-]+$|^[a-z]+:[a-z]/, `not named in English: ${b.text}`);
    } finally {
      await page.evaluate(() => localStorage.removeItem('marsad.lang')).catch(() => {});
      await page.close();
    }
  });
});

test('no console errors or CSP violations in any page', () => {
  assert.deepEqual(consoleErrors, []);
});
