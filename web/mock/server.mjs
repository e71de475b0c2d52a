// A small mock of the marsad JSON API for UI development (not used by the
// product or its tests against the real server). It serves mock/data.mjs on
// /api/* and web/dist/ for every other path, with a stricter CSP than the
// real server (no 'unsafe-inline' styles), so a UI change that would need
// inline code fails here first.
//   node mock/server.mjs [port]      (default 8090)

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { db, spanOf } from './data.mjs';

const port = Number(process.argv[2] ?? process.env.PORT ?? 8090);
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; font-src 'self'; " +
  "object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

const meta = (a) => ({
  id: a.id, source: `fixture/${a.id}.txt`, format: 'txt', outlet: a.outlet, agency: null, author: null,
  url: null, title: a.title, standfirst: null, published: a.published, story: a.story, duplicate_of: null,
});

function page(items, q) {
  const limit = Math.min(200, Number(q.get('limit') ?? 50));
  const offset = Number(q.get('offset') ?? 0);
  return { total: items.length, limit, offset, items: items.slice(offset, offset + limit) };
}

function entities() {
  const map = new Map();
  for (const [id, an] of Object.entries(db.analysis)) {
    for (const e of an.entities ?? []) {
      const x = map.get(e.entity_id) ?? { id: e.entity_id, name: e.canonical, type: e.type, lat: e.lat ?? null, lon: e.lon ?? null, mention_count: 0, articles: new Map(), variants: new Map() };
      x.mention_count++;
      x.articles.set(Number(id), (x.articles.get(Number(id)) ?? 0) + 1);
      x.variants.set(e.text, (x.variants.get(e.text) ?? 0) + 1);
      map.set(e.entity_id, x);
    }
  }
  return [...map.values()].sort((a, b) => b.mention_count - a.mention_count);
}
const pub = ({ articles, variants, ...e }) => e;

function search(q) {
  const words = (q.get('q') ?? '').split(/\s+/).filter(Boolean);
  const hits = [];
  for (const a of db.articles) {
    if (q.get('outlet') && a.outlet !== q.get('outlet')) continue;
    if (q.get('story') && a.story !== Number(q.get('story'))) continue;
    if (q.get('from') && a.published < q.get('from')) continue;
    if (q.get('to') && a.published > q.get('to')) continue;
    if (q.get('entity') && !(db.analysis[a.id]?.entities ?? []).some((e) => e.entity_id === q.get('entity'))) continue;
    const spans = [];
    for (const w of words) { let i = -1; while ((i = a.text.indexOf(w, i + 1)) >= 0) spans.push(spanOf(a.text, w, a.text.slice(0, i).split(w).length - 1)); }
    if (words.length && !words.every((w) => a.text.includes(w))) continue;
    const first = spans[0]?.begin16 ?? 0;
    const s0 = Math.max(0, first - 60), s1 = Math.min(a.text.length, first + 140);
    const snippet = a.text.slice(s0, s1);
    const rel = spans.filter((s) => s.begin16 >= s0 && s.end16 <= s1).map((s) => ({
      ...spanOf(snippet, a.text.slice(s.begin16, s.end16), snippet.slice(0, s.begin16 - s0).split(a.text.slice(s.begin16, s.end16)).length - 1),
    }));
    hits.push({ article_id: a.id, story_id: a.story, title: a.title, outlet: a.outlet, published: a.published, score: spans.length,
      snippet, snippet_span: spanOf(a.text, snippet), highlights: spans, snippet_highlights: rel });
  }
  return { query: q.get('q') ?? '', took_ms: 0.4, ...page(hits.sort((x, y) => y.score - x.score), q) };
}

function places() {
  const features = entities().filter((e) => e.lat !== null).map((e) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
    properties: { kind: 'place', entity_id: e.id, name: e.name, mentions: e.mention_count, events: e.id === 'loc:tadmur' ? 1 : 0 },
  }));
  features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [38.28, 34.56] },
    properties: { kind: 'event', article_id: 1, plover: 'ASSAULT', mode: 'غارة بطائرة مسيّرة', name: 'تدمر', date: '2019-03-12' } });
  return { type: 'FeatureCollection', features };
}

function api(p, q) {
  let m;
  if (p === '/api/health') return { ok: true, articles: db.articles.length, read_only: true };
  if (p === '/api/stories') return page(db.stories, q);
  if ((m = /^\/api\/stories\/(\d+)$/.exec(p))) {
    const st = db.stories.find((s) => s.id === Number(m[1]));
    if (!st) return null;
    return { story: st, articles: db.articles.filter((a) => a.story === st.id).map(meta), related: [], comparison: db.comparisons[st.id] ?? null };
  }
  if ((m = /^\/api\/articles\/(\d+)$/.exec(p))) {
    const a = db.articles.find((x) => x.id === Number(m[1]));
    return a ? { ...meta(a), text: a.text, analysis: db.analysis[a.id] ?? {} } : null;
  }
  if (p === '/api/search') return search(q);
  if (p === '/api/alerts') return { items: [{ name: 'تدمر', query: 'تدمر', filters: {}, created_at: '2019-03-01T00:00:00Z', reported_up_to: 0, matches: 1, unreported: 1, latest: [{ article_id: 1, story_id: 1, title: db.articles[0].title, outlet: db.articles[0].outlet, published: db.articles[0].published, reported: false }] }] };
  if (p === '/api/outlets') return { items: [...new Set(db.articles.map((a) => a.outlet))].map((o) => ({ outlet: o, articles: db.articles.filter((a) => a.outlet === o).length })) };
  if (p === '/api/entities') return page(entities().filter((e) => (!q.get('q') || e.name.includes(q.get('q'))) && (!q.get('type') || e.type === q.get('type'))).map(pub), q);
  if ((m = /^\/api\/entities\/(.+)$/.exec(p))) {
    const e = entities().find((x) => x.id === decodeURIComponent(m[1]));
    if (!e) return null;
    return { entity: pub(e), variants: [...e.variants].map(([text, count]) => ({ text, count })),
      articles: page([...e.articles].map(([id, n]) => ({ ...meta(db.articles.find((a) => a.id === id)), mentions: n })), q),
      related: entities().filter((x) => x.id !== e.id && [...x.articles.keys()].some((id) => e.articles.has(id))).map((x) => ({ ...pub(x), shared_articles: 1 })) };
  }
  if (p === '/api/events') return page([{ article_id: 1, idx: 0, plover: 'ASSAULT', mode: 'غارة بطائرة مسيّرة', date: '2019-03-12', location: 'تدمر', lat: 34.56, lon: 38.28, title: db.articles[0].title, outlet: db.articles[0].outlet, story_id: 1 }], q);
  if (p === '/api/timeline') {
    const days = new Map();
    for (const a of db.articles) days.set(a.published, (days.get(a.published) ?? 0) + 1);
    return { bucket: 'day', items: [...days].sort().map(([date, n]) => ({ date, articles: n, stories: 1 })) };
  }
  if (p === '/api/places') return places();
  return null;
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml' };

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (url.pathname.startsWith('/api/')) {
    const body = api(url.pathname, url.searchParams);
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body ?? { error: { code: 'not_found', message: 'no such resource' } }));
    return;
  }
  let file = path.join(dist, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`mock API on http://127.0.0.1:${port}`));
