// DOM construction without HTML parsing.
//
// Every value that comes from the data (titles, article text, names, snippets)
// reaches the page only as a Text node or an attribute set through
// setAttribute: nothing here, or anywhere in the UI, assigns innerHTML,
// outerHTML or insertAdjacentHTML, so a report whose text contains `<script>`
// or `<b>` shows those characters literally. This is also what lets the page
// run under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'.

import { S } from './strings';

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | EventListener;
}

/** Creates an HTML element; string children become Text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element (presentation attributes only, never style). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

function applyAttrs(el: Element, attrs?: Attrs | null): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(name.replace(/^on/, ''), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
}

/** Appends children; strings and numbers become Text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** An internal link handled by the client-side router. */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href, 'data-nav': true }, ...children);
}

const arabicDigits = new Intl.NumberFormat('ar-u-nu-latn', { maximumFractionDigits: 2 });

/** A number for display (Western digits, as most of the sources print them). */
export function num(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return arabicDigits.format(n);
}

/** Formats an ISO date ("2018-02-08", "2018-02-08T10:00:00Z", "--02-07"). */
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}|--)-?(\d{2})?-?(\d{2})?/.exec(iso);
  if (!m) return iso;
  const year = m[1] === '--' ? '' : m[1];
  const month = m[2] ? S.months[Number(m[2]) - 1] ?? m[2] : '';
  const day = m[3] ? String(Number(m[3])) : '';
  return [day, month, year].filter(Boolean).join(' ');
}

/** "15 فبراير 2018، 18:23" (the time in the report's own zone). */
export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return S.undated;
  const t = /T(\d{2}:\d{2})/.exec(iso);
  return fmtDate(iso) + (t ? S.dateTimeSep + t[1] : '');
}

/**
 * A list showing its first `first` items and a button for the rest: laying
 * out thousands of elements (and shaping their Arabic text) is what made a
 * long story's page take seconds. Returns [list, button?].
 */
export function listWithMore<T>(tag: 'ul' | 'ol' | 'tbody', cls: string | null, items: T[], first: number,
  render: (x: T) => HTMLElement, moreText?: (n: number) => string): HTMLElement[] {
  const list = h(tag, { class: cls }, items.slice(0, first).map(render));
  if (items.length <= first) return [list];
  const more = h('button', { type: 'button', class: 'more' },
    moreText ? moreText(items.length - first) : S.showAll(items.length));
  more.addEventListener('click', () => {
    for (const x of items.slice(first)) list.appendChild(render(x));
    more.remove();
  });
  return [list, more];
}

/** Shows an error returned by the API in place of a page. */
export function errorBox(err: unknown): HTMLElement {
  const message = err instanceof Error ? err.message : String(err);
  return h('div', { class: 'error', role: 'alert' }, S.loadFailed, message);
}
