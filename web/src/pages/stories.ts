// Home page: the timeline of reports and the list of stories, newest first,
// fetched a page (50) at a time so 30,000 articles cost one small request.

import { api, type Page, type StorySummary } from '../api';
import { fmtDate, h, link, num } from '../dom';
import type { RouteContext } from '../main';
import { timelineChart } from '../timeline';
import { outletLink } from './outlet';
import { S } from '../strings';

const PAGE = 50;

/** A story in a list; `relation` and `in_thread` when it is listed beside another story. */
export function storyCard(
  st: StorySummary & { relation?: keyof typeof S.relations; in_thread?: boolean },
): HTMLElement {
  const dates = st.first_seen === st.last_seen || !st.last_seen
    ? fmtDate(st.first_seen)
    : `${fmtDate(st.first_seen)} – ${fmtDate(st.last_seen)}`;
  return h('li', { class: 'story-card', 'data-story': st.id },
    link(`/stories/${st.id}`, h('span', { class: 'story-title' }, st.title || S.story(st.id))),
    h('div', { class: 'meta' },
      st.relation ? h('span', { class: 'chip relation' }, S.relations[st.relation]) : null,
      st.in_thread ? h('span', { class: 'chip thread' }, S.storyPage.inThread) : null,
      h('span', null, dates),
      h('span', null, S.reportCount(st.article_count)),
      h('span', { class: 'chips' }, (st.outlets ?? []).slice(0, 6).map((o) =>
        outletLink(o, 'chip')))));
}

/**
 * A list of story cards from a first page, and a button that fetches the
 * next page (`fetchPage(offset)`) until the total is shown.
 */
function pagedStories(
  ctx: RouteContext, first: Page<StorySummary>, moreLabel: string,
  fetchPage: (offset: number) => Promise<Page<StorySummary>>,
): { list: HTMLElement; more: HTMLElement } {
  const list = h('ol', { class: 'story-list' }, first.items.map(storyCard));
  const more = h('button', { type: 'button', class: 'more' }, moreLabel) as HTMLButtonElement;
  let offset = first.items.length;
  const updateMore = () => { more.hidden = offset >= first.total; };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const next = await fetchPage(offset);
      if (ctx.stale()) return;
      for (const st of next.items) list.appendChild(storyCard(st));
      offset += next.items.length;
      if (next.items.length === 0) offset = first.total;
    } finally { more.disabled = false; updateMore(); }
  });
  updateMore();
  return { list, more };
}

export async function storiesPage(ctx: RouteContext): Promise<Node> {
  const [page, timeline] = await Promise.all([
    api.stories(PAGE, 0),
    api.timeline().catch(() => ({ bucket: 'day', items: [] })),
  ]);
  const { list, more } = pagedStories(ctx, page, S.storiesPage.more, (offset) => api.stories(PAGE, offset));
  return h('div', { class: 'page stories-page' },
    h('section', { class: 'panel' },
      h('h2', null, S.timeline.title),
      timelineChart(timeline.items, (from, to) => `/search?from=${from}&to=${to}`)),
    h('section', { class: 'panel' },
      h('h1', null, S.storiesPage.title, h('span', { class: 'count', 'data-testid': 'story-total' }, num(page.total))),
      page.items.length ? list : h('p', { class: 'muted' }, S.storiesPage.none),
      more));
}

/** A thread: the stories of one long-running topic, newest first, a page at a time. */
export async function threadPage(ctx: RouteContext): Promise<Node> {
  const id = Number(ctx.params[0]);
  const page = await api.thread(id, PAGE, 0);
  const { list, more } = pagedStories(ctx, page, S.threadPage.more, (offset) => api.thread(id, PAGE, offset));
  return h('div', { class: 'page thread-page', 'data-thread': page.id },
    h('section', { class: 'panel' },
      h('h1', null, S.threadPage.title, h('span', { class: 'count', 'data-testid': 'thread-total' }, num(page.total))),
      h('p', { class: 'muted' }, S.threadPage.help),
      list, more));
}
