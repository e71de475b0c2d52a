// Saved alerts (made with `marsad alert add`) and what they match: the
// query and filters, how many matches there are and how many the next
// `marsad watch` poll will report, and the latest matching reports (a badge
// on those not reported yet). An alert on contradictions (`--contradictions`,
// filters.kind "positions", issue 27) says so and links the story it
// watches: it fires on a new position on a contested point, not on words.
// Read-only: alerts are managed with the CLI.

import { api, type SavedSearch } from '../api';
import { fmtDate, h, link } from '../dom';
import type { RouteContext } from '../main';
import { S } from '../strings';

function filterList(a: SavedSearch): HTMLElement[] {
  return Object.entries(a.filters ?? {}).filter(([k]) => k !== 'kind').map(([k, v]) => h('span', null,
    `${S.alertsPage.filters[k] ?? k}: `,
    k === 'story' ? link(`/stories/${v}`, S.story(v)) : String(v)));
}

function savedItem(a: SavedSearch): HTMLElement {
  const contradictions = a.filters?.kind === 'positions';
  const filters = filterList(a);
  return h('li', { class: 'panel alert-item', 'data-alert': a.name, 'data-kind': contradictions ? 'positions' : 'search' },
    h('h2', null, a.name, ' ', a.query ? h('span', { class: 'count' }, `«${a.query}»`) : null,
      contradictions ? h('span', { class: 'badge warn' }, S.alertsPage.contradictions) : null),
    contradictions ? h('p', { class: 'muted' }, S.alertsPage.contradictionsHelp) : null,
    filters.length ? h('div', { class: 'meta' }, filters) : null,
    h('div', { class: 'meta' },
      h('span', null, contradictions ? S.alertsPage.storyReports(a.matches) : S.alertsPage.matches(a.matches)),
      a.unreported > 0 ? h('span', { class: 'badge warn' }, S.alertsPage.unreported(a.unreported)) : null),
    a.latest.length
      ? h('ol', { class: 'alert-latest' }, a.latest.map((m) => h('li', { 'data-article': String(m.article_id), 'data-reported': String(m.reported) },
        link(`/articles/${m.article_id}`, m.title || S.report(m.article_id)),
        h('span', { class: 'muted' }, ` ${m.outlet ?? ''} ${fmtDate(m.published)}`),
        m.reported ? null : h('span', { class: 'badge' }, S.alertsPage.newBadge))))
      : h('p', { class: 'muted' }, S.alertsPage.noMatches));
}

export async function alertsPage(_ctx: RouteContext): Promise<Node> {
  const res = await api.alerts();
  return h('div', { class: 'page alerts-page' },
    h('section', { class: 'panel' }, h('h1', null, S.alertsPage.title),
      h('p', { class: 'muted' }, S.alertsPage.help)),
    res.items.length
      ? h('ol', { class: 'alert-list' }, res.items.map(savedItem))
      : h('p', { class: 'muted' }, S.alertsPage.none));
}
