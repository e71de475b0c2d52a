// Claims over time (issue 27): the reports carrying each position of one
// contested point, by publication time, drawn as a small SVG.
//
// A figure (a toll) is drawn on a value axis, one line per source, so that a
// toll rising over three days in one source and flat in another reads off it;
// other points (an assertion against a denial, who is held responsible) get
// one lane per position. Each dot is one report (the larger one is the
// position's first report) and its title says when, which outlet, who and
// what; it links to the report, at the claim's words when the page has
// them. Time runs left to right, as in the page's other chart. Undated
// reports have no place on the axis: a point whose reports were not dated at
// two different times draws no chart. Under the chart, folded, the same
// reports as a table (time, outlet, source, position, link), for reading
// exact times and copying them.

import { range16 } from './api';
import type { Point, TimelineEntry } from './comparison';
import { fmtDateTime, h, link, listWithMore, num, s } from './dom';
import { outletLink } from './pages/outlet';
import { S } from './strings';

const W = 640, H = 170, PAD_L = 44, PAD_R = 16, PAD_T = 14, PAD_B = 28;
const FIRST_ROWS = 15;  // rows of the table shown at first
const COLORS = ['#b3541e', '#1a4d8f', '#2e7d32', '#7b1fa2', '#c62828', '#00838f', '#6d4c41', '#455a64'];

interface Dot { e: TimelineEntry; t: number; series: number }

/** "2024-03-05 09:00": the time as the report gives it (its own zone). */
function when(at: string | undefined): string {
  return at ? at.slice(0, 10) + (at[10] === 'T' ? ' ' + at.slice(11, 16) : '') : '';
}

function figureOf(e: TimelineEntry): number | undefined {
  return e.max ?? e.min;
}

/** Where a report's dot leads: the report, at the position's words when the page has them. */
function hrefsOf(p: Point): (e: TimelineEntry) => string {
  const spans = new Map<string, [number, number]>();
  for (const c of p.positions.flatMap((q) => q.claims)) {
    const r = range16(c.span);
    const key = `${c.article_id}|${c.value}`;
    if (r && c.article_id !== undefined && !spans.has(key)) spans.set(key, r);
  }
  return (e) => {
    const r = spans.get(`${e.article}|${e.value}`);
    return `/articles/${e.article}` + (r ? `#s=${r[0]}-${r[1]}` : '');
  };
}

/**
 * For each report, what its source said before when it now says something
 * else ("which source changed its story"): the previous position's label, or
 * undefined. A source is its speaker, or the outlet when it speaks for itself.
 */
function changes(entries: TimelineEntry[]): (string | undefined)[] {
  const last = new Map<string, TimelineEntry>();
  return entries.map((e) => {
    const who = e.source || `outlet:${e.outlet}`;
    const before = last.get(who);
    last.set(who, e);
    return before && before.value !== e.value ? before.label : undefined;
  });
}

/** The point's reports in publication order, as a table (undated ones last). */
function claimsTable(p: Point, hrefOf: (e: TimelineEntry) => string): HTMLElement {
  const before = changes(p.overTime);
  const was = new Map(p.overTime.map((e, i) => [e, before[i]]));
  const row = (e: TimelineEntry) => h('tr', {
    'data-article': e.article, 'data-value': e.value, 'data-first': String(e.first),
    'data-changed-from': was.get(e) !== undefined ? was.get(e) : null,
  },
  h('td', null, fmtDateTime(e.at)),
  h('td', null, outletLink(e.outlet)),
  h('td', null, e.source || S.theOutletItself),
  h('td', null, h('strong', null, e.label),
    e.first ? h('span', { class: 'badge' }, S.claimsChart.first) : null,
    was.get(e) !== undefined ? h('span', { class: 'badge warn' }, S.claimsChart.changedFrom(was.get(e) ?? '')) : null),
  h('td', null, link(hrefOf(e), S.claimsChart.open)));
  // A story of hundreds of reports: the first rows, the rest on request.
  const [body, more] = listWithMore('tbody', null, p.overTime, FIRST_ROWS, row);
  return h('details', { class: 'claims-table', 'data-testid': 'claims-table' },
    h('summary', null, S.claimsChart.table(p.overTime.length)),
    h('div', { class: 'matrix-wrap' }, h('table', { class: 'events-table' },
      h('thead', null, h('tr', null, S.claimsChart.columns.map((c) => h('th', { scope: 'col' }, c)))),
      body)),
    more);
}

/** The chart of a point's timeline, or null when it has nothing to draw over time. */
export function claimsChart(p: Point): HTMLElement | null {
  const dated = p.overTime
    .map((e) => ({ e, t: e.at ? Date.parse(e.at) : NaN }))
    .filter((x) => Number.isFinite(x.t));
  if (new Set(dated.map((x) => x.t)).size < 2) return null;
  const numeric = dated.every((x) => figureOf(x.e) !== undefined);
  // A series per source for figures, per position otherwise.
  const keys: string[] = [];
  const names: string[] = [];
  const dots: Dot[] = dated.map(({ e, t }) => {
    const key = numeric ? e.source : String(e.position);
    let i = keys.indexOf(key);
    if (i < 0) {
      i = keys.push(key) - 1;
      const who = e.source || S.theOutletItself;
      names.push(numeric ? who : `${e.label} — ${who}`);
    }
    return { e, t, series: i };
  });
  const t0 = Math.min(...dots.map((d) => d.t)), t1 = Math.max(...dots.map((d) => d.t));
  const atOf = (t: number) => dots.find((d) => d.t === t)?.e.at;
  const x = (t: number) => PAD_L + ((t - t0) / (t1 - t0)) * (W - PAD_L - PAD_R);
  const values = dots.map((d) => figureOf(d.e) ?? 0);
  const vmax = Math.max(...values, 1);
  const y = numeric
    ? (v: number) => H - PAD_B - (v / vmax) * (H - PAD_T - PAD_B)
    : (lane: number) => PAD_T + (keys.length === 1 ? 0.5 : lane / (keys.length - 1)) * (H - PAD_T - PAD_B);
  const yOf = (d: Dot) => (numeric ? y(figureOf(d.e) ?? 0) : y(d.series));
  const color = (i: number) => COLORS[i % COLORS.length];
  const lines = numeric
    ? keys.map((_, i) => {
      const pts = dots.filter((d) => d.series === i).sort((a, b) => a.t - b.t);
      return pts.length > 1
        ? s('polyline', { points: pts.map((d) => `${x(d.t).toFixed(1)},${yOf(d).toFixed(1)}`).join(' '),
          fill: 'none', stroke: color(i), 'stroke-width': 2 })
        : null;
    })
    : [];
  const hrefOf = hrefsOf(p);
  const marks = dots.map((d) => s('a', { href: hrefOf(d.e), 'data-nav': true, class: 'claim-link' }, s('circle', {
    class: 'claim-dot', cx: x(d.t).toFixed(1), cy: yOf(d).toFixed(1), r: d.e.first ? 6 : 4,
    fill: color(d.series), stroke: d.e.first ? '#1d2329' : 'none', 'stroke-width': 1.5,
    'data-article': d.e.article, 'data-value': d.e.value, 'data-first': String(d.e.first),
  }, s('title', null, `${when(d.e.at)} — ${d.e.outlet} — ${d.e.source || S.theOutletItself}: ${d.e.label}`))));
  const axis = [
    s('line', { class: 'axis', x1: PAD_L, y1: H - PAD_B, x2: W - PAD_R, y2: H - PAD_B }),
    s('text', { class: 'tick', x: PAD_L, y: H - 8, 'text-anchor': 'start' }, when(atOf(t0))),
    s('text', { class: 'tick', x: W - PAD_R, y: H - 8, 'text-anchor': 'end' }, when(atOf(t1))),
    numeric ? s('text', { class: 'tick', x: PAD_L - 6, y: y(vmax) + 4, 'text-anchor': 'end' }, num(vmax)) : null,
    numeric ? s('text', { class: 'tick', x: PAD_L - 6, y: y(0) + 4, 'text-anchor': 'end' }, '0') : null,
  ];
  const svg = s('svg', {
    class: 'claims-chart', viewBox: `0 0 ${W} ${H}`, role: 'img',
    'aria-label': S.claimsChart.aria(p.label), 'data-testid': 'claims-chart',
  }, axis, lines, marks);
  const legend = h('ul', { class: 'claims-legend' }, names.map((n, i) => h('li', null,
    s('svg', { width: 12, height: 12, viewBox: '0 0 12 12' }, s('circle', { cx: 6, cy: 6, r: 5, fill: color(i) })),
    ` ${n}`)));
  return h('figure', { class: 'claims-over-time' },
    h('figcaption', { class: 'muted' }, S.claimsChart.caption),
    svg, legend, claimsTable(p, hrefOf));
}
