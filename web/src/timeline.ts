// A bar chart of articles per day, drawn as SVG.
//
// With years of data there are thousands of days; beyond ~180 bars the days
// are summed into weeks, and beyond ~180 weeks into months, so the chart stays
// readable and cheap to draw. Time runs left to right (charts keep the
// conventional axis even in a right-to-left page); each bar links to a search
// over its date range.

import type { TimelineBucket } from './api';
import { fmtDate, h, s } from './dom';
import { S } from './strings';

interface Bar { from: string; to: string; articles: number; stories: number }

function dayNumber(iso: string): number { return Math.floor(Date.parse(iso.slice(0, 10) + 'T00:00:00Z') / 86400000); }
function isoOf(day: number): string { return new Date(day * 86400000).toISOString().slice(0, 10); }

function bucketize(items: TimelineBucket[]): { bars: Bar[]; unit: string } {
  const days = items.filter((b) => /^\d{4}-\d{2}-\d{2}/.test(b.date));
  if (days.length === 0) return { bars: [], unit: S.timeline.units.day };
  const first = dayNumber(days[0].date), last = dayNumber(days[days.length - 1].date);
  const span = last - first + 1;
  let unit = S.timeline.units.day;
  let keyOf = (iso: string): string => iso.slice(0, 10);
  let rangeOf = (key: string): [string, string] => [key, key];
  if (span > 180 * 7) {
    unit = S.timeline.units.month;
    keyOf = (iso) => iso.slice(0, 7);
    rangeOf = (key) => {
      const [y, m] = key.split('-').map(Number);
      return [`${key}-01`, isoOf(Date.UTC(y, m, 0) / 86400000)];
    };
  } else if (span > 180) {
    unit = S.timeline.units.week;
    keyOf = (iso) => isoOf(first + Math.floor((dayNumber(iso) - first) / 7) * 7);
    rangeOf = (key) => [key, isoOf(dayNumber(key) + 6)];
  }
  const map = new Map<string, Bar>();
  for (const b of days) {
    const key = keyOf(b.date);
    let bar = map.get(key);
    if (!bar) {
      const [from, to] = rangeOf(key);
      bar = { from, to, articles: 0, stories: 0 };
      map.set(key, bar);
    }
    bar.articles += b.articles;
    bar.stories = Math.max(bar.stories, b.stories);
  }
  return { bars: [...map.values()], unit };
}

/** Renders the chart; `hrefOf` gives the link for a bar's date range. */
export function timelineChart(items: TimelineBucket[],
  hrefOf: (from: string, to: string) => string): HTMLElement {
  const { bars, unit } = bucketize(items);
  if (bars.length === 0) return h('p', { class: 'muted' }, S.timeline.none);
  const W = 900, H = 120, pad = 18;
  const max = Math.max(...bars.map((b) => b.articles), 1);
  const bw = (W - 2 * pad) / bars.length;
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H + 24}`, class: 'timeline-chart', role: 'img',
    'aria-label': S.timeline.aria(unit), direction: 'ltr',
  });
  bars.forEach((b, i) => {
    const bh = Math.max(2, (b.articles / max) * (H - 10));
    const x = pad + i * bw;
    const label = b.from === b.to ? fmtDate(b.from) : `${fmtDate(b.from)} – ${fmtDate(b.to)}`;
    const a = s('a', { href: hrefOf(b.from, b.to), 'data-nav': true, class: 'bar' },
      s('rect', { x: x + bw * 0.1, y: H - bh, width: Math.max(1, bw * 0.8), height: bh, rx: 1 }),
      s('title', null, S.timeline.bar(label, b.articles)));
    svg.appendChild(a);
  });
  svg.appendChild(s('line', { x1: pad, x2: W - pad, y1: H, y2: H, class: 'axis' }));
  const ticks = Math.min(6, bars.length);
  for (let t = 0; t < ticks; t++) {
    const i = ticks === 1 ? 0 : Math.round((t * (bars.length - 1)) / (ticks - 1));
    const x = pad + i * bw + bw / 2;
    svg.appendChild(s('text', { x, y: H + 16, 'text-anchor': 'middle', direction: 'rtl', class: 'tick' },
      fmtDate(bars[i].from)));
  }
  return h('figure', { class: 'timeline' }, svg,
    h('figcaption', { class: 'muted' }, S.timeline.caption(unit)));
}
