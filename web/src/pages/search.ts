// Search page: the query and its filters live in the URL (?q=&outlet=&from=
// &to=&story=&entity=&event_type=&offset=), so results can be shared and the
// back button works. Snippets are highlighted from the server's
// snippet_highlights; a hit links to the article with its highlights in the
// hash.

import { api, range16, type SearchHit } from '../api';
import { fmtDate, h, link } from '../dom';
import { renderSnippet } from '../highlight';
import { navigate, type RouteContext } from '../main';
import { outletLink } from './outlet';
import { S } from '../strings';

const PAGE = 20;
const FILTERS = ['outlet', 'from', 'to', 'story', 'entity', 'event_type'] as const;

function hitHref(hit: SearchHit): string {
  const ranges = (hit.highlights ?? []).map(range16).filter((r): r is [number, number] => r !== null)
    .slice(0, 30).map(([a, b]) => `${a}-${b}`);
  return `/articles/${hit.article_id}` + (ranges.length ? `#h=${ranges.join(',')}` : '');
}

function hitView(hit: SearchHit): HTMLElement {
  const ranges = (hit.snippet_highlights ?? []).map(range16).filter((r): r is [number, number] => r !== null);
  return h('li', { class: 'hit', 'data-article': hit.article_id },
    link(hitHref(hit), h('span', { class: 'hit-title' }, hit.title || S.report(hit.article_id))),
    h('div', { class: 'meta' },
      h('span', { class: 'outlet' }, hit.outlet ? outletLink(hit.outlet) : S.unknownSource),
      h('span', null, fmtDate(hit.published)),
      hit.story_id ? link(`/stories/${hit.story_id}`, S.theStory) : null),
    h('p', { class: 'snippet-line' },
      (hit.snippet_span?.begin ?? 0) > 0 ? '… ' : null, renderSnippet(hit.snippet ?? '', ranges), ' …'));
}

function urlWith(query: URLSearchParams, changes: Record<string, string | null>): string {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) { if (v) q.set(k, v); else q.delete(k); }
  const s = q.toString();
  return '/search' + (s ? `?${s}` : '');
}

function form(ctx: RouteContext, outlets: string[]): HTMLFormElement {
  const q = ctx.query;
  const input = h('input', { type: 'search', name: 'q', value: q.get('q') ?? '', placeholder: S.searchPage.placeholder,
    'aria-label': S.searchPage.label, autofocus: true });
  const outlet = h('select', { name: 'outlet', 'aria-label': S.searchPage.outlet },
    h('option', { value: '' }, S.searchPage.allOutlets),
    outlets.map((o) => h('option', { value: o, selected: q.get('outlet') === o }, o)));
  const evt = h('select', { name: 'event_type', 'aria-label': S.searchPage.eventType },
    Object.entries(S.eventTypes).map(([v, label]) => h('option', { value: v, selected: (q.get('event_type') ?? '') === v }, label)));
  const from = h('input', { type: 'date', name: 'from', value: q.get('from') ?? '', 'aria-label': S.searchPage.from });
  const to = h('input', { type: 'date', name: 'to', value: q.get('to') ?? '', 'aria-label': S.searchPage.to });
  const f = h('form', { class: 'search-form', role: 'search' },
    h('div', { class: 'row' }, input, h('button', { type: 'submit' }, S.searchPage.submit)),
    h('div', { class: 'row filters' }, outlet, evt, h('label', null, S.searchPage.fromLabel, from), h('label', null, S.searchPage.toLabel, to)));
  f.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate(urlWith(q, {
      q: input.value.trim() || null, outlet: outlet.value || null, event_type: evt.value || null,
      from: from.value || null, to: to.value || null, offset: null,
    }));
  });
  for (const el of [outlet, evt, from, to]) el.addEventListener('change', () => f.requestSubmit());
  return f;
}

export async function searchPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const quick = document.querySelector<HTMLInputElement>('.quicksearch input');
  if (quick) quick.value = q.get('q') ?? '';
  const outlets = await api.outlets().then((r) => r.items.map((o) => o.outlet).filter(Boolean)).catch(() => []);
  const params: Record<string, string | number> = { limit: PAGE, offset: Number(q.get('offset') ?? 0) || 0 };
  if (q.get('q')) params.q = q.get('q') as string;
  for (const k of FILTERS) if (q.get(k)) params[k] = q.get(k) as string;
  const chips = (['story', 'entity'] as const).filter((k) => q.get(k)).map((k) =>
    link(urlWith(q, { [k]: null, offset: null }), h('span', { class: 'chip removable' },
      k === 'story' ? S.inStory(q.get(k) ?? '') : S.searchPage.entityChip(q.get(k) ?? ''), ' ×')));
  const page = h('div', { class: 'page search-page' },
    h('section', { class: 'panel' }, h('h1', null, S.chrome.search), form(ctx, outlets),
      chips.length ? h('div', { class: 'chips' }, chips) : null));
  const hasQuery = Object.keys(params).some((k) => k === 'q' || (FILTERS as readonly string[]).includes(k));
  if (!hasQuery) {
    page.appendChild(h('p', { class: 'muted' },
      S.searchPage.help));
    return page;
  }
  const res = await api.search(params);
  const offset = res.offset ?? 0;
  const nav = h('div', { class: 'pager' },
    offset > 0 ? link(urlWith(q, { offset: String(Math.max(0, offset - PAGE)) || null }), S.previous) : null,
    h('span', { class: 'muted' }, S.searchPage.range(offset + 1, offset + res.items.length, res.total)),
    offset + res.items.length < res.total ? link(urlWith(q, { offset: String(offset + PAGE) }), S.next) : null);
  page.appendChild(h('section', { class: 'panel results' },
    h('div', { class: 'result-head' },
      h('strong', { 'data-testid': 'result-total' }, S.searchPage.results(res.total)),
      typeof res.took_ms === 'number' ? h('span', { class: 'muted' }, S.searchPage.took(res.took_ms)) : null),
    res.items.length ? h('ol', { class: 'hits', start: offset + 1 }, res.items.map(hitView))
      : h('p', { class: 'muted' }, S.searchPage.none),
    res.total > PAGE ? nav : null));
  return page;
}
