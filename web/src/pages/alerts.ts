// Saved searches (made with `marsad alert add`) and what they match: the
// query and filters, how many matches there are and how many the next
// `marsad watch` poll will report, and the latest matching reports (a badge
// on those not reported yet). Read-only: saved searches are managed with
// the CLI.

import { api, type SavedSearch } from '../api';
import { fmtDate, h, link, num } from '../dom';
import type { RouteContext } from '../main';

const filterNames: Record<string, string> = {
  outlet: 'المصدر', from: 'من', to: 'إلى', story: 'القصة', entity: 'الكيان', event_type: 'نوع الحدث',
};

function savedItem(a: SavedSearch): HTMLElement {
  const filters = Object.entries(a.filters ?? {}).map(([k, v]) => `${filterNames[k] ?? k}: ${v}`);
  return h('li', { class: 'panel alert-item', 'data-alert': a.name },
    h('h2', null, a.name, ' ', h('span', { class: 'count' }, `«${a.query}»`)),
    filters.length ? h('div', { class: 'meta' }, filters.join(' · ')) : null,
    h('div', { class: 'meta' },
      h('span', null, `التقارير المطابقة: ${num(a.matches)}`),
      a.unreported > 0 ? h('span', { class: 'badge warn' }, `لم يُبلَّغ عنها بعد: ${num(a.unreported)}`) : null),
    a.latest.length
      ? h('ol', { class: 'alert-latest' }, a.latest.map((m) => h('li', { 'data-article': String(m.article_id), 'data-reported': String(m.reported) },
        link(`/articles/${m.article_id}`, m.title || `تقرير ${m.article_id}`),
        h('span', { class: 'muted' }, ` ${m.outlet ?? ''} ${fmtDate(m.published)}`),
        m.reported ? null : h('span', { class: 'badge' }, 'جديد'))))
      : h('p', { class: 'muted' }, 'لا تقارير مطابقة بعد'));
}

export async function alertsPage(_ctx: RouteContext): Promise<Node> {
  const res = await api.alerts();
  return h('div', { class: 'page alerts-page' },
    h('section', { class: 'panel' }, h('h1', null, 'التنبيهات'),
      h('p', { class: 'muted' }, 'عمليات بحث محفوظة تُنبّه عن كل تقرير جديد يطابقها، تُضاف بالأمر marsad alert add.')),
    res.items.length
      ? h('ol', { class: 'alert-list' }, res.items.map(savedItem))
      : h('p', { class: 'muted' }, 'لا عمليات بحث محفوظة.'));
}
