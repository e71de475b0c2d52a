// Home page: the timeline of reports and the list of stories, newest first,
// fetched a page (50) at a time so 30,000 articles cost one small request.

import { api, type StorySummary } from '../api';
import { fmtDate, h, link, num } from '../dom';
import type { RouteContext } from '../main';
import { timelineChart } from '../timeline';
import { outletLink } from './outlet';

const PAGE = 50;

const RELATION_LABEL: Record<NonNullable<StorySummary['relation']>, string> = {
  follow_up: 'تطور لاحق', earlier: 'سبقها', concurrent: 'في السياق نفسه',
};

export function storyCard(st: StorySummary): HTMLElement {
  const dates = st.first_seen === st.last_seen || !st.last_seen
    ? fmtDate(st.first_seen)
    : `${fmtDate(st.first_seen)} – ${fmtDate(st.last_seen)}`;
  return h('li', { class: 'story-card', 'data-story': st.id },
    link(`/stories/${st.id}`, h('span', { class: 'story-title' }, st.title || `قصة ${num(st.id)}`)),
    h('div', { class: 'meta' },
      st.relation ? h('span', { class: 'chip relation' }, RELATION_LABEL[st.relation]) : null,
      h('span', null, dates),
      h('span', null, `${num(st.article_count)} تقرير`),
      h('span', { class: 'chips' }, (st.outlets ?? []).slice(0, 6).map((o) =>
        outletLink(o, 'chip')))));
}

export async function storiesPage(ctx: RouteContext): Promise<Node> {
  const [page, timeline] = await Promise.all([
    api.stories(PAGE, 0),
    api.timeline().catch(() => ({ bucket: 'day', items: [] })),
  ]);
  const list = h('ol', { class: 'story-list' }, page.items.map(storyCard));
  const more = h('button', { type: 'button', class: 'more' }, 'المزيد من القصص');
  let offset = page.items.length;
  const updateMore = () => { more.hidden = offset >= page.total; };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await api.stories(PAGE, offset);
      if (ctx.stale()) return;
      for (const st of next.items) list.appendChild(storyCard(st));
      offset += next.items.length;
      if (next.items.length === 0) offset = page.total;
    } finally { more.disabled = false; updateMore(); }
  });
  updateMore();
  return h('div', { class: 'page stories-page' },
    h('section', { class: 'panel' },
      h('h2', null, 'الخط الزمني'),
      timelineChart(timeline.items, (from, to) => `/search?from=${from}&to=${to}`)),
    h('section', { class: 'panel' },
      h('h1', null, 'القصص ', h('span', { class: 'count', 'data-testid': 'story-total' }, num(page.total))),
      page.items.length ? list : h('p', { class: 'muted' }, 'لا قصص بعد: استورد تقارير بالأمر marsad ingest.'),
      more));
}
