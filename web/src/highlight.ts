// Highlighting text from spans.
//
// The API gives every fact a span in the article's clean text, as UTF-16
// offsets (JS string indices). Facts overlap: an entity sits inside a
// quotation, a number inside an event sentence. Instead of nesting elements
// (which breaks when spans cross), the text is cut at every span boundary into
// elementary segments; each segment is one <span> carrying the classes of all
// the marks that cover it, and remembers those marks so a click can explain
// them. The text itself is only ever inserted as Text nodes.

import { h } from './dom';

export interface Mark<T = unknown> {
  begin: number;           // UTF-16 offset, inclusive
  end: number;             // UTF-16 offset, exclusive
  kind: string;            // css suffix: ent, num, date, quote, cue, hit, cite...
  extra?: string;          // further classes, e.g. "per"
  title?: string;          // tooltip
  data?: T;
}

export interface Rendered {
  root: HTMLElement;
  /** Marks covering a rendered segment element, innermost (shortest) first. */
  marksAt(el: Element): Mark[] | undefined;
  /** Adds `cls` to every segment inside [begin, end) and returns the first. */
  mark(begin: number, end: number, cls: string): HTMLElement | null;
  clear(cls: string): void;
}

interface Segment { begin: number; end: number; el: HTMLElement }

/**
 * Renders `text` into a new element of class `className`, marking `marks`.
 * Marks outside the text or empty are ignored. REQUIRES: offsets are UTF-16.
 */
export function renderMarked(text: string, marks: Mark[], className: string): Rendered {
  const valid = marks.filter((m) => m.begin >= 0 && m.end <= text.length && m.end > m.begin);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) { cuts.add(m.begin); cuts.add(m.end); }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep: marks sorted by begin enter the active list; those ended leave it.
  const byBegin = [...valid].sort((a, b) => a.begin - b.begin || b.end - a.end);
  const root = h('div', { class: className });
  const segs: Segment[] = [];
  const owners = new WeakMap<Element, Mark[]>();
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    active = active.filter((m) => m.end > a);
    while (next < byBegin.length && byBegin[next].begin <= a) {
      if (byBegin[next].end > a) active.push(byBegin[next]);
      next++;
    }
    const piece = text.slice(a, b);
    if (active.length === 0) {
      root.appendChild(document.createTextNode(piece));
      continue;
    }
    const here = [...active].sort((x, y) => (x.end - x.begin) - (y.end - y.begin));
    const classes = ['hl', ...new Set(here.map((m) => `hl-${m.kind}` + (m.extra ? ` ${m.extra}` : '')))];
    const el = h('span', {
      class: classes.join(' '),
      title: here.map((m) => m.title).filter(Boolean).join(' · ') || null,
    }, piece);
    owners.set(el, here);
    segs.push({ begin: a, end: b, el });
    root.appendChild(el);
  }
  return {
    root,
    marksAt: (el) => owners.get(el),
    mark(begin, end, cls) {
      let first: HTMLElement | null = null;
      for (const sg of segs) {
        if (sg.begin >= begin && sg.end <= end) {
          sg.el.classList.add(cls);
          first ??= sg.el;
        }
      }
      return first;
    },
    clear(cls) { for (const sg of segs) sg.el.classList.remove(cls); },
  };
}

/** Renders a short string (a snippet) with highlighted ranges, as <mark>. */
export function renderSnippet(text: string, ranges: [number, number][]): HTMLElement {
  const out = h('span', { class: 'snippet' });
  const sorted = ranges.filter(([a, b]) => b > a && a >= 0 && b <= text.length)
    .sort((x, y) => x[0] - y[0]);
  let pos = 0;
  for (const [a, b] of sorted) {
    if (a < pos) continue;  // overlapping highlight: keep the first
    if (a > pos) out.appendChild(document.createTextNode(text.slice(pos, a)));
    out.appendChild(h('mark', null, text.slice(a, b)));
    pos = b;
  }
  if (pos < text.length) out.appendChild(document.createTextNode(text.slice(pos)));
  return out;
}
