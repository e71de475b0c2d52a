// Story page: the contested points on top (each point once, contested
// first, every position with its source, outlets, report count, earliest
// report and exact words linking to the article at that span), agreements
// folded to one line each; then the outlets' claims side by side (rows =
// slots, columns = outlets), folded away, and the reports.
//
// Size. A story of a hundred reports made a page of thousands of pixels
// where the matrix's rows of attacks and actors pushed the disputes out of
// view. The points come first and are capped (the contested ones, then a few
// agreements, the rest on request; four positions a point, the rest on
// request); the matrix is closed until asked for; the report list shows its
// first dozen.

import { api, ApiError, clearCache, range16, type ArticleMeta, type StoryDetail } from '../api';
import {
  type CmpClaim, type Comparison, type Point, type Position, modalityLabel, readComparison,
  slotLabel, valueLabel,
} from '../comparison';
import { fmtDate, fmtDateTime, h, link, listWithMore, num } from '../dom';
import type { RouteContext } from '../main';
import { storyCard } from './stories';
import { timelineChart } from '../timeline';
import { claimsChart } from '../claimsChart';
import { outletLink, outletLinks } from './outlet';
import { S } from '../strings';

const MAX_ARTICLES_FOR_WORDS = 40;

function articleHref(c: CmpClaim): string | null {
  if (c.article_id === undefined) return null;
  const r = range16(c.span);
  return `/articles/${c.article_id}` + (r ? `#s=${r[0]}-${r[1]}` : '');
}

function isNumeric(c: CmpClaim): boolean {
  return /^-?\d+(\.\d+)?$/.test(c.value) || (c.min !== undefined && c.max !== undefined && c.max > 0 && !/^[a-z_]+$/.test(c.value));
}

function valueText(c: CmpClaim): string {
  if (isNumeric(c)) {
    const v = c.min !== undefined && c.max !== undefined && c.min !== c.max
      ? `${num(c.min)}–${num(c.max)}` : num(Number(c.value || c.max));
    return (c.approximate ? S.approx : '') + v;
  }
  if (c.value === c.modality || ['asserted', 'denied', 'alleged', 'hedged', 'true', 'false', 'yes', 'no'].includes(c.value)) {
    return modalityLabel(c.modality) || modalityLabel(c.value) || c.value;
  }
  if (c.slot === 'date') return fmtDate(c.value);
  return valueLabel(c.slot, c.value);
}

type WordSlot = { el: HTMLElement; claim: CmpClaim };

function claimView(c: CmpClaim, words: WordSlot[]): HTMLElement {
  // The server sends each claim's words; only a claim without them waits
  // for its article's text (a long story fetched 40 articles for nothing).
  const q = h('q', { class: 'words' });
  if (!c.text) words.push({ el: q, claim: c });
  const href = articleHref(c);
  return h('div', {
    class: `claim modality-${c.modality ?? 'asserted'}${c.disputed ? ' disputed' : ''}`,
    'data-value': c.value, 'data-modality': c.modality ?? '', 'data-article': c.article_id ?? '',
  },
  h('div', { class: 'value' }, valueText(c),
    c.modality && c.modality !== 'asserted' && isNumeric(c)
      ? h('span', { class: 'modality' }, ` (${modalityLabel(c.modality)})`) : null),
  c.speaker ? h('div', { class: 'speaker' }, S.storyPage.saidBy, c.speaker, c.via ? S.storyPage.via(c.via) : '') : null,
  c.text ? h('q', { class: 'words' }, c.text) : q,
  href ? link(href, S.storyPage.inText) : null);
}

function matrix(cmp: Comparison, words: WordSlot[]): HTMLElement {
  const head = h('tr', null, h('th', { scope: 'col' }, S.storyPage.item),
    cmp.outlets.map((o) => h('th', { scope: 'col' }, outletLink(o))));
  const body = cmp.rows.map((row) => h('tr', {
    class: row.disputed ? 'disputed' : null, 'data-slot': row.slot,
  },
  h('th', { scope: 'row' }, slotLabel(row.slot),
    row.disputed ? h('span', { class: 'badge warn' }, S.storyPage.contested) : null),
  cmp.outlets.map((o) => {
    const claims = row.cells.get(o) ?? [];
    const more = row.more.get(o) ?? 0;
    return h('td', { class: claims.length ? 'cell' : 'cell empty', 'data-outlet': o },
      claims.length ? claims.map((c) => claimView(c, words)) : '—',
      more > 0 ? h('div', { class: 'muted more' }, S.storyPage.andMore(more)) : null);
  })));
  // Fixed layout with a readable width per outlet (the wrapper scrolls):
  // auto layout measured every cell of a wide story twice. Set through
  // CSSOM: the CSP refuses style attributes.
  const table = h('table', { class: 'matrix', 'data-testid': 'comparison' },
    h('thead', null, head), h('tbody', null, body));
  table.style.minWidth = `${11 + 13 * cmp.outlets.length}rem`;
  return h('div', { class: 'matrix-wrap' },
    table);
}

// A long story's lists show their first items and the rest on request:
// laying out thousands of elements (and shaping their Arabic text) is what
// made the page of a 233-report story take seconds.
const FIRST_ARTICLES = 12;
const FIRST_RELATED = 5;
const FIRST_CONTESTED = 8;    // contested points shown at first
const FIRST_AGREED = 3;       // then this many agreements
const FIRST_POSITIONS = 4;    // positions shown per point


function wordsLink(c: CmpClaim): HTMLElement {
  const href = articleHref(c);
  const q = h('q', { class: 'words' }, c.text ?? '');
  return h('span', { class: 'quote', 'data-article': c.article_id ?? '' },
    href ? link(href, q) : q, h('span', { class: 'muted' }, ' — ', outletLink(c.outlet)));
}

function positionView(pos: Position): HTMLElement {
  // The words of the earliest report first.
  const claims = [...pos.claims].sort((a, b) =>
    Number(b.article_id === pos.firstArticle) - Number(a.article_id === pos.firstArticle));
  const [first, ...rest] = claims;
  const others = rest.length + Math.max(0, pos.claimsTotal - pos.claims.length);
  return h('div', {
    class: `position modality-${pos.modality}${pos.conflict ? ' conflict' : ''}`,
    'data-value': pos.value, 'data-modality': pos.modality, 'data-slot': pos.slot,
  },
  h('div', { class: 'pos-head' },
    h('span', { class: 'value' }, pos.label),
    h('span', { class: 'source' }, pos.source || S.theOutletItself)),
  h('div', { class: 'pos-meta muted' },
    h('span', { class: 'outlets' }, outletLinks(pos.outlets)),
    h('span', { class: 'reports', 'data-reports': pos.reports }, S.reports(pos.reports)),
    h('span', { class: 'first-seen' }, S.storyPage.firstSeen,
      pos.firstArticle !== undefined
        ? link(`/articles/${pos.firstArticle}`, fmtDateTime(pos.firstSeen)) : fmtDateTime(pos.firstSeen))),
  first ? wordsLink(first) : null,
  others > 0 && rest.length
    ? h('details', { class: 'more-words' }, h('summary', null, S.storyPage.otherPlaces(others)),
      h('ul', null, rest.map((c) => h('li', null, wordsLink(c)))))
    : null);
}

function positionsOf(p: Point): HTMLElement[] {
  return listWithMore('ul', 'positions', p.positions, FIRST_POSITIONS,
    (pos) => h('li', null, positionView(pos)), S.storyPage.morePositions);
}

function pointHead(p: Point): HTMLElement {
  return h('div', { class: 'point-head' },
    h('strong', { class: 'point-label' }, p.label),
    p.contested ? h('span', { class: 'badge warn' }, S.storyPage.contested) : h('span', { class: 'badge ok' }, S.storyPage.agreed),
    p.timeline ? h('span', { class: 'badge' }, S.storyPage.changesOverTime) : null,
    h('span', { class: 'muted' }, ` ${S.sources(p.sources)}`));
}

/** A one-line summary of an agreement: its values and their sources. */
function agreedSummary(p: Point): string {
  const values = [...new Set(p.positions.map((q) => q.label))];
  const shown = values.slice(0, 3).join(S.listSep) + (values.length > 3 ? '…' : '');
  // Reports counted once however many positions they carry.
  const ids = new Set(p.positions.flatMap((q) => q.articles));
  const reports = ids.size || Math.max(...p.positions.map((q) => q.reports));
  return ` — ${shown} (${S.reports(reports)})`;
}

function pointView(p: Point): HTMLElement {
  const attrs = {
    class: `point ${p.contested ? 'contested' : 'agreed'}`, 'data-kind': p.kind, 'data-about': p.about,
    'data-scope': p.scope, 'data-contested': String(p.contested),
  };
  if (p.contested) return h('li', attrs, pointHead(p), positionsOf(p), claimsChart(p));
  // An agreement reads in one line; its positions open on request.
  return h('li', attrs, h('details', null,
    h('summary', null, pointHead(p), h('span', { class: 'muted' }, agreedSummary(p))),
    positionsOf(p)));
}

function pointsSection(cmp: Comparison): HTMLElement | null {
  if (cmp.points.length === 0) return null;
  const contested = cmp.points.filter((p) => p.contested);
  const agreed = cmp.points.filter((p) => !p.contested);
  const firstContested = contested.slice(0, FIRST_CONTESTED);
  const first = [...firstContested, ...agreed.slice(0, FIRST_AGREED)];
  const rest = [...contested.slice(FIRST_CONTESTED), ...agreed.slice(FIRST_AGREED)];
  const list = h('ol', { class: 'points' }, first.map(pointView));
  let more: HTMLElement | null = null;
  if (rest.length) {
    more = h('button', { type: 'button', class: 'more' }, S.storyPage.allPoints(cmp.points.length));
    more.addEventListener('click', () => {
      // Contested points stay before agreements.
      const anchor = list.children[firstContested.length] ?? null;
      for (const p of contested.slice(FIRST_CONTESTED)) list.insertBefore(pointView(p), anchor);
      for (const p of agreed.slice(FIRST_AGREED)) list.appendChild(pointView(p));
      more?.remove();
    });
  }
  return h('section', { class: 'panel points-panel', 'data-testid': 'points' },
    h('h2', null, S.storyPage.pointsTitle,
      h('span', { class: 'count', 'data-testid': 'contested-total' },
        S.storyPage.contestedOf(cmp.contestedTotal, cmp.pointsTotal))),
    h('p', { class: 'muted' }, contested.length
      ? S.storyPage.pointsHelp
      : S.storyPage.noContest,
    cmp.pointsTotal > cmp.points.length ? S.storyPage.topPoints(cmp.points.length) : ''),
    list, more);
}

async function fillWords(words: WordSlot[], ctx: RouteContext): Promise<void> {
  const ids = [...new Set(words.map((w) => w.claim.article_id).filter((x): x is number => x !== undefined))]
    .slice(0, MAX_ARTICLES_FOR_WORDS);
  await Promise.all(ids.map(async (id) => {
    const art = await api.article(id).catch(() => null);
    if (!art || ctx.stale()) return;
    for (const w of words) {
      const r = range16(w.claim.span);
      if (w.claim.article_id === id && r) w.el.textContent = art.text.slice(r[0], r[1]);
    }
  }));
}

function articleRow(a: ArticleMeta): HTMLElement {
  return h('li', { class: 'article-row' },
    h('span', { class: 'outlet' }, a.outlet ? outletLink(a.outlet) : a.agency ?? S.unknownSource),
    link(`/articles/${a.id}`, a.title || S.report(a.id)),
    h('span', { class: 'muted' }, fmtDate(a.published)),
    a.duplicate_of ? h('span', { class: 'badge' }, S.storyPage.duplicate) : null);
}

// Copies the brief to the clipboard as rich text (the HTML brief: pasted
// into an email it keeps its headings, links and right-to-left layout) with
// the Markdown as its plain-text form; says what happened in `status`.
// Through a copy event's clipboardData, which stores the markup as it is:
// the asynchronous clipboard API re-parses it in this page, where the CSP
// refuses the brief's inline styles (one console error per element).
async function copyBrief(id: number, status: HTMLElement): Promise<void> {
  let copied = false;
  try {
    const [html, md] = await Promise.all(['html', 'md'].map(async (f) => {
      const r = await fetch(`/api/stories/${id}/brief?format=${f}`);
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    }));
    const onCopy = (ev: ClipboardEvent) => {
      ev.preventDefault();
      ev.clipboardData?.setData('text/html', html);
      ev.clipboardData?.setData('text/plain', md);
      copied = ev.clipboardData !== null;
    };
    document.addEventListener('copy', onCopy, { once: true });
    // Within the click's user activation (a few seconds), so allowed.
    if (!document.execCommand('copy')) document.removeEventListener('copy', onCopy);
  } catch {
    copied = false;
  }
  status.textContent = copied ? S.storyPage.briefCopied : S.storyPage.briefCopyFailed;
  status.dataset.copied = String(copied);
}

// The brief to hand on (issue 27): the page opens in a new tab (to print,
// save as PDF or paste into an email), the Markdown downloads, or the brief
// goes to the clipboard. Plain links to the API: the router must not take
// them.
function briefLinks(id: number): HTMLElement {
  const status = h('span', { class: 'muted brief-status', role: 'status', 'aria-live': 'polite' });
  const copy = h('button', { type: 'button', class: 'button', 'data-format': 'copy' }, S.storyPage.briefCopy);
  copy.addEventListener('click', () => void copyBrief(id, status));
  return h('div', { class: 'brief-links', 'data-testid': 'brief' },
    h('a', {
      class: 'button', href: `/api/stories/${id}/brief?format=html`, target: '_blank',
      rel: 'noopener', 'data-external': 'true', 'data-format': 'html',
    }, S.storyPage.briefHtml),
    h('a', {
      class: 'button', href: `/api/stories/${id}/brief?format=md&download=1`,
      download: `brief-${id}.md`, 'data-external': 'true', 'data-format': 'md',
    }, S.storyPage.briefMd),
    copy, status);
}

// Watch this story (issue 27): saves the alert on its new contradictions
// and says so; the alert then fires through the alert channels (JSON Lines,
// webhook) on each later ingest or watch cycle.
function watchButton(id: number): HTMLElement {
  const status = h('span', { class: 'muted watch-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'button', 'data-testid': 'watch', title: S.storyPage.watchHelp },
    S.storyPage.watch) as HTMLButtonElement;
  button.addEventListener('click', () => {
    button.disabled = true;
    api.watchStory(id).then((w) => {
      status.replaceChildren(w.created ? S.storyPage.watching(w.name) : S.storyPage.alreadyWatching(w.name), ' ',
        link('/alerts', S.storyPage.watchAlerts));
      status.dataset.watch = w.name;
      clearCache();
    }, (e: unknown) => {
      button.disabled = false;
      status.textContent = S.storyPage.watchFailed + (e instanceof ApiError ? ` (${e.status})` : '');
    });
  });
  return h('div', { class: 'watch' }, button, status);
}

export async function storyPage(ctx: RouteContext): Promise<Node> {
  const id = Number(ctx.params[0]);
  const [data, timeline] = await Promise.all([
    api.story(id) as Promise<StoryDetail>,
    api.timeline({ story: id }).catch(() => ({ bucket: 'day', items: [] })),
  ]);
  const st = data.story;
  const cmp = readComparison(data.comparison, data.articles);
  const words: WordSlot[] = [];
  // The matrix of every claim is long and mostly uncontested: closed until
  // asked for.
  const cmpSection = cmp && cmp.rows.length
    ? h('details', { class: 'panel claims-panel', 'data-testid': 'claims' },
      h('summary', null, h('h2', null, S.storyPage.matrixTitle,
        h('span', { class: 'count' }, S.storyPage.matrixCount(cmp.rows.length, cmp.outlets.length)))),
      h('p', { class: 'muted' }, S.storyPage.matrixHelp),
      matrix(cmp, words))
    : h('section', { class: 'panel' }, h('p', { class: 'muted' }, S.storyPage.noComparison));
  const page = h('div', { class: 'page story-page', 'data-story': st.id },
    h('header', { class: 'page-head' },
      h('h1', null, st.title || S.story(st.id)),
      h('div', { class: 'meta' },
        h('span', null, `${fmtDate(st.first_seen)} – ${fmtDate(st.last_seen)}`),
        h('span', null, S.reportCount(st.article_count)),
        link(`/search?story=${st.id}`, S.storyPage.searchStory),
        link(`/map?story=${st.id}`, S.storyPage.onMap)),
      briefLinks(st.id),
      watchButton(st.id)),
    cmp ? pointsSection(cmp) : null,
    timeline.items.length > 1
      ? h('section', { class: 'panel' }, timelineChart(timeline.items, (from, to) => `/search?story=${st.id}&from=${from}&to=${to}`))
      : null,
    cmpSection,
    h('section', { class: 'panel' }, h('h2', null, S.storyPage.reportsTitle, h('span', { class: 'count' }, num(data.articles.length))),
      listWithMore('ol', 'article-list', data.articles, FIRST_ARTICLES, articleRow)),
    data.thread
      ? h('section', { class: 'panel', 'data-testid': 'thread' },
        h('h2', null, S.storyPage.threadTitle, h('span', { class: 'count' }, num(data.thread.story_count))),
        h('p', { class: 'muted' }, S.storyPage.threadHelp),
        listWithMore('ol', 'story-list', data.thread.stories, FIRST_RELATED, storyCard),
        data.thread.story_count > data.thread.stories.length
          ? link(`/threads/${data.thread.id}`, S.storyPage.threadAll(data.thread.story_count))
          : null)
      : null,
    data.related?.length
      ? h('section', { class: 'panel' }, h('h2', null, S.storyPage.related),
        listWithMore('ol', 'story-list', data.related, FIRST_RELATED, storyCard))
      : null);
  void fillWords(words, ctx);
  return page;
}
