// Story page: the outlets' claims side by side (rows = slots, columns =
// outlets), the server's disagreements on top and highlighted in the matrix,
// each claim with its speaker and its exact words (fetched from the article
// and cut by the claim's UTF-16 span), linking to the article at that span.

import { api, range16, type ArticleMeta, type StoryDetail } from '../api';
import {
  type CmpClaim, type Comparison, modalityLabel, readComparison, slotLabel, valueLabel,
} from '../comparison';
import { fmtDate, h, link, num } from '../dom';
import type { RouteContext } from '../main';
import { storyCard } from './stories';
import { timelineChart } from '../timeline';

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
    return (c.approximate ? 'نحو ' : '') + v;
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
  c.speaker ? h('div', { class: 'speaker' }, 'على لسان: ', c.speaker, c.via ? ` (عبر ${c.via})` : '') : null,
  c.text ? h('q', { class: 'words' }, c.text) : q,
  href ? link(href, 'في النص ←') : null);
}

function matrix(cmp: Comparison, words: WordSlot[]): HTMLElement {
  const head = h('tr', null, h('th', { scope: 'col' }, 'البند'),
    cmp.outlets.map((o) => h('th', { scope: 'col' }, o)));
  const body = cmp.rows.map((row) => h('tr', {
    class: row.disputed ? 'disputed' : null, 'data-slot': row.slot,
  },
  h('th', { scope: 'row' }, slotLabel(row.slot),
    row.disputed ? h('span', { class: 'badge warn' }, 'خلاف') : null),
  cmp.outlets.map((o) => {
    const claims = row.cells.get(o) ?? [];
    const more = row.more.get(o) ?? 0;
    return h('td', { class: claims.length ? 'cell' : 'cell empty', 'data-outlet': o },
      claims.length ? claims.map((c) => claimView(c, words)) : '—',
      more > 0 ? h('div', { class: 'muted more' }, `و${num(more)} غيرها`) : null);
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
const FIRST_DISAGREEMENTS = 10;
const FIRST_ARTICLES = 50;

function listWithMore<T>(tag: 'ul' | 'ol', cls: string | null, items: T[], first: number,
  render: (x: T) => HTMLElement): HTMLElement[] {
  const list = h(tag, { class: cls }, items.slice(0, first).map(render));
  if (items.length <= first) return [list];
  const more = h('button', { type: 'button', class: 'more' }, `عرض الكل (${num(items.length)})`);
  more.addEventListener('click', () => {
    for (const x of items.slice(first)) list.appendChild(render(x));
    more.remove();
  });
  return [list, more];
}

function disagreementList(cmp: Comparison, words: WordSlot[]): HTMLElement | null {
  if (cmp.disagreements.length === 0) return null;
  return h('section', { class: 'panel disagreements', 'data-testid': 'disagreements' },
    h('h2', null, 'نقاط الخلاف ', h('span', { class: 'count' }, num(cmp.disagreementsTotal))),
    cmp.disagreementsTotal > cmp.disagreements.length
      ? h('p', { class: 'muted' }, `أهمّ ${num(cmp.disagreements.length)} منها: النفي أولاً ثم الأوسع.`) : null,
    listWithMore('ul', null, cmp.disagreements, FIRST_DISAGREEMENTS, (d) => h('li', { class: 'disagreement', 'data-slots': d.slots.join(' ') },
      h('div', { class: 'dis-head' },
        h('strong', null, d.slots.map(slotLabel).join(' / ') || 'خلاف'),
        d.reason ? h('span', { class: 'muted' }, ' — ', d.reason) : null),
      h('div', { class: 'versus' }, d.claims.map((c, i) => [
        i > 0 ? h('span', { class: 'vs' }, 'مقابل') : null,
        h('div', { class: 'side' }, h('div', { class: 'outlet' }, c.outlet), claimView(c, words)),
      ]), d.more > 0 ? h('span', { class: 'muted more' }, `و${num(d.more)} غيرها`) : null))));
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
    h('span', { class: 'outlet' }, a.outlet ?? a.agency ?? 'مصدر غير معروف'),
    link(`/articles/${a.id}`, a.title || `تقرير ${num(a.id)}`),
    h('span', { class: 'muted' }, fmtDate(a.published)),
    a.duplicate_of ? h('span', { class: 'badge' }, 'نسخة مكررة') : null);
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
  const cmpSection = cmp && cmp.rows.length
    ? h('section', { class: 'panel' },
      h('h2', null, 'ماذا يقول كل مصدر'),
      h('p', { class: 'muted' }, 'الصفوف بنود الخبر والأعمدة المصادر؛ الخلافات مظللة.',
        cmp.agreements !== null ? ` نقاط الاتفاق: ${num(cmp.agreements)}.` : ''),
      matrix(cmp, words))
    : h('section', { class: 'panel' }, h('p', { class: 'muted' }, 'لا مقارنة بين المصادر لهذه القصة بعد.'));
  const page = h('div', { class: 'page story-page', 'data-story': st.id },
    h('header', { class: 'page-head' },
      h('h1', null, st.title || `قصة ${num(st.id)}`),
      h('div', { class: 'meta' },
        h('span', null, `${fmtDate(st.first_seen)} – ${fmtDate(st.last_seen)}`),
        h('span', null, `${num(st.article_count)} تقرير`),
        link(`/search?story=${st.id}`, 'بحث في القصة'),
        link(`/map?story=${st.id}`, 'على الخريطة'))),
    timeline.items.length > 1
      ? h('section', { class: 'panel' }, timelineChart(timeline.items, (from, to) => `/search?story=${st.id}&from=${from}&to=${to}`))
      : null,
    cmp ? disagreementList(cmp, words) : null,
    cmpSection,
    h('section', { class: 'panel' }, h('h2', null, 'التقارير'),
      listWithMore('ol', 'article-list', data.articles, FIRST_ARTICLES, articleRow)),
    data.related?.length
      ? h('section', { class: 'panel' }, h('h2', null, 'قصص ذات صلة'),
        h('ol', { class: 'story-list' }, data.related.map(storyCard)))
      : null);
  void fillWords(words, ctx);
  return page;
}
