// Article reader: the clean text with entities, quotations, numbers and dates
// highlighted from their UTF-16 spans; a side panel lists the facts, and
// clicking a fact scrolls to its words (provenance), clicking words explains
// them. The URL hash can carry spans to show on arrival:
//   #s=B-E        a cited span (from the story comparison)
//   #h=B-E,B-E    search hits

import {
  api, range16, type Article, type EntityMention, type Quote, type Span,
} from '../api';
import { fmtDate, h, link, num, replace } from '../dom';
import { renderMarked, type Mark, type Rendered } from '../highlight';
import type { RouteContext } from '../main';
import { modalityLabel, slotLabel } from '../comparison';
import { outletLink } from './outlet';
import { S } from '../strings';


function parseRanges(hash: string, key: string): [number, number][] {
  const m = new RegExp(`(?:^|&)${key}=([0-9,\\-]+)`).exec(hash);
  if (!m) return [];
  return m[1].split(',').map((p) => p.split('-').map(Number) as [number, number])
    .filter(([a, b]) => Number.isInteger(a) && Number.isInteger(b) && b > a);
}

/** What the cleaner removed, named in the UI's language from its code
 *  ("furniture:share" → its group and kind in the strings table); the code
 *  stays in data-reason. A kind the table lacks is named by its group alone. */
export function removalLabel(code: string): string {
  const cut = code.indexOf(':');
  const group = cut < 0 ? code : code.slice(0, cut);
  const kind = cut < 0 ? '' : code.slice(cut + 1);
  const g = S.removalGroups[group] ?? S.otherCode;
  const k = S.removalKinds[kind];
  return k ? S.removal(g, k) : g;
}

function safeUrl(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch { return null; }
}

function mk(span: Span | undefined, kind: string, title: string, data: unknown, extra?: string): Mark | null {
  const r = range16(span);
  return r ? { begin: r[0], end: r[1], kind, title, data, extra } : null;
}

function buildMarks(a: Article, hash: string): Mark[] {
  const an = a.analysis ?? {};
  const marks: (Mark | null)[] = [];
  for (const e of an.entities ?? []) {
    marks.push(mk(e.span, 'ent', `${e.canonical || e.text} (${S.entityTypes[e.type] ?? e.type})`, e, e.type.toLowerCase()));
    if (e.role && e.role_span) marks.push(mk(e.role_span, 'role', S.articlePage.role(e.role), e));
  }
  for (const n of an.numbers ?? []) {
    const v = n.min !== n.max ? `${num(n.min)}–${num(n.max)}` : num(n.value);
    marks.push(mk(n.span, 'num', S.articlePage.number(`${n.approximate ? S.approx : ''}${v}${n.unit ? ' ' + n.unit : ''}`), n));
  }
  for (const d of an.dates ?? []) marks.push(mk(d.span, 'date', S.articlePage.date(d.value ? fmtDate(d.value) : S.articlePage.relative), d));
  for (const q of an.quotes ?? []) {
    marks.push(mk(q.content, 'quote', S.articlePage.quoteOf(q.speaker || S.articlePage.unattributed), q));
    marks.push(mk(q.cue, 'cue', S.articlePage.cue, q));
  }
  for (const [b, e] of parseRanges(hash, 'h')) marks.push({ begin: b, end: e, kind: 'hit', title: S.articlePage.hit });
  for (const [b, e] of parseRanges(hash, 's')) marks.push({ begin: b, end: e, kind: 'cite', title: S.articlePage.cited });
  return marks.filter((m): m is Mark => m !== null);
}

function flash(r: Rendered, span: Span | undefined): void {
  const rr = range16(span);
  if (!rr) return;
  r.clear('focus');
  const el = r.mark(rr[0], rr[1], 'focus');
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function entityGroups(list: EntityMention[]): { e: EntityMention; mentions: EntityMention[] }[] {
  const groups = new Map<string, { e: EntityMention; mentions: EntityMention[] }>();
  for (const e of list) {
    const key = e.entity_id || e.canonical || e.text;
    const g = groups.get(key) ?? { e, mentions: [] };
    g.mentions.push(e);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.mentions.length - a.mentions.length);
}

function entityLink(e: EntityMention): Node {
  const name = e.canonical || e.text;
  return e.entity_id ? link(`/entities/${encodeURIComponent(e.entity_id)}`, name) : document.createTextNode(name);
}

function factList(title: string, kind: string, items: Node[]): HTMLElement | null {
  if (items.length === 0) return null;
  return h('details', { class: `facts facts-${kind}`, open: true },
    h('summary', null, title, ' ', h('span', { class: 'count' }, num(items.length))),
    h('ul', null, items));
}

function quoteItem(a: Article, q: Quote, go: (s: Span) => void): HTMLElement {
  const r = range16(q.content);
  const words = r ? a.text.slice(r[0], r[1]) : '';
  return h('li', { class: 'quote-item' },
    h('div', { class: 'who' },
      q.entity_id ? link(`/entities/${encodeURIComponent(q.entity_id)}`, q.speaker || S.articlePage.unattributed)
        : h('span', null, q.speaker || S.articlePage.unattributed),
      q.via ? h('span', { class: 'muted' }, S.articlePage.via(q.via)) : null,
      q.carried_over ? h('span', { class: 'badge' }, S.articlePage.sameSpeaker) : null,
      h('span', { class: 'badge' }, q.direct ? S.articlePage.direct : S.articlePage.indirect)),
    h('button', { type: 'button', class: 'goto', onclick: () => go(q.content) },
      words.length > 160 ? words.slice(0, 160) + '…' : words));
}

export async function articlePage(ctx: RouteContext): Promise<Node> {
  const a = await api.article(Number(ctx.params[0]));
  const an = a.analysis ?? {};
  const rendered = renderMarked(a.text ?? '', buildMarks(a, ctx.hash), 'article-text');
  const go = (s: Span) => flash(rendered, s);
  const goBtn = (s: Span, ...label: (string | Node)[]) =>
    h('button', { type: 'button', class: 'goto', onclick: () => go(s) }, ...label);

  const detail = h('div', { class: 'detail', 'aria-live': 'polite' },
    h('p', { class: 'muted' }, S.articlePage.clickHelp));
  rendered.root.addEventListener('click', (ev) => {
    const seg = (ev.target as Element).closest('.hl');
    const marks = seg ? rendered.marksAt(seg) : undefined;
    if (!marks) return;
    replace(detail, h('ul', null, marks.map((m) => {
      const e = m.kind === 'ent' || m.kind === 'role' ? (m.data as EntityMention) : null;
      return h('li', null, m.title ?? m.kind, e?.entity_id ? [' — ', entityLink(e)] : null);
    })));
  });

  const legend = h('div', { class: 'legend', role: 'group', 'aria-label': S.articlePage.show },
    Object.entries(S.articlePage.layers).map(([k, label]) => {
      const box = h('input', { type: 'checkbox', checked: true });
      box.addEventListener('change', () => rendered.root.classList.toggle(`hide-${k}`, !box.checked));
      return h('label', { class: `key key-${k}` }, box, label);
    }));

  const side = h('aside', { class: 'side' },
    detail,
    factList(S.articlePage.entities, 'ent', entityGroups(an.entities ?? []).map(({ e, mentions }) => h('li', null,
      h('span', { class: `dot ${e.type.toLowerCase()}` }), entityLink(e),
      h('span', { class: 'muted' }, ` ${S.entityTypes[e.type] ?? e.type}`),
      e.role ? h('span', { class: 'muted' }, ` — ${e.role}`) : null,
      ' ', goBtn(mentions[0].span, `×${num(mentions.length)}`)))),
    factList(S.articlePage.quotes, 'quote', (an.quotes ?? []).map((q) => quoteItem(a, q, go))),
    factList(S.articlePage.events, 'event', (an.events ?? []).map((e) => h('li', null,
      goBtn(e.sentence ?? e.trigger, h('strong', null, e.mode || e.plover)),
      h('div', { class: 'muted' }, [e.actor && S.articlePage.actor(e.actor), e.target && S.articlePage.target(e.target),
        e.location && S.articlePage.place(e.location), e.date && S.articlePage.eventDate(fmtDate(e.date))].filter(Boolean).join(' · ')),
      (e.casualties ?? []).map((c) => h('div', null, `${slotLabel(c.kind)}: ${c.number.approximate ? S.approx : ''}${num(c.number.value)}`)),
      e.modality && e.modality !== 'asserted' ? h('span', { class: 'badge' }, modalityLabel(e.modality)) : null))),
    factList(S.articlePage.numbers, 'num', (an.numbers ?? []).map((n) => h('li', null,
      goBtn(n.span, `${n.approximate ? S.approx : ''}${n.min !== n.max ? `${num(n.min)}–${num(n.max)}` : num(n.value)}`),
      n.unit ? h('span', { class: 'muted' }, ` ${n.unit}`) : null))),
    factList(S.articlePage.dates, 'date', (an.dates ?? []).map((d) => {
      const r = range16(d.span);
      return h('li', null, goBtn(d.span, r ? a.text.slice(r[0], r[1]) : d.value),
        h('span', { class: 'muted' }, ` ${d.value ? fmtDate(d.value) : ''}${d.relative ? S.articlePage.relativeNote : ''}`));
    })),
    an.removed?.length ? h('details', { class: 'facts removed' },
      h('summary', null, S.articlePage.removed, h('span', { class: 'count' }, num(an.removed.length))),
      h('ul', null, an.removed.map((r) => h('li', null,
        h('span', { class: 'badge', 'data-reason': r.reason }, removalLabel(r.reason)), ' ', r.text)))) : null);

  const src = safeUrl(a.url);
  const page = h('div', { class: 'page article-page', 'data-article': a.id },
    h('header', { class: 'page-head' },
      h('h1', { class: 'article-title' }, a.title || S.report(a.id)),
      a.standfirst ? h('p', { class: 'standfirst' }, a.standfirst) : null,
      h('div', { class: 'meta' },
        h('span', { class: 'outlet' }, a.outlet ? outletLink(a.outlet) : S.unknownSource),
        a.agency ? h('span', null, S.articlePage.from(a.agency)) : null,
        h('span', null, fmtDate(a.published)),
        a.word_count ? h('span', { class: 'words' }, S.articlePage.words(a.word_count)) : null,
        a.story ? link(`/stories/${a.story}`, S.theStory) : null,
        a.duplicate_of ? link(`/articles/${a.duplicate_of}`, S.articlePage.original) : null,
        src ? h('a', { href: src, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'ext' }, S.articlePage.source) : null)),
    legend,
    h('div', { class: 'reader' }, h('article', { class: 'text-col' }, rendered.root), side));

  const first = parseRanges(ctx.hash, 's')[0] ?? parseRanges(ctx.hash, 'h')[0];
  if (first) {
    document.addEventListener('marsad:rendered', () => {
      const el = rendered.root.querySelector('.hl-cite, .hl-hit');
      el?.scrollIntoView({ block: 'center' });
    }, { once: true });
  }
  return page;
}
