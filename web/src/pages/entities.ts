// Entity list (filter by name and type, most mentioned first) and entity
// page (spelling variants, the articles that mention it, entities often
// mentioned with it, and a small map for places).

import { api, type Entity } from '../api';
import { fmtDate, h, link, num } from '../dom';
import { navigate, type RouteContext } from '../main';
import { S } from '../strings';

const PAGE = 50;

function entityHref(id: string): string { return `/entities/${encodeURIComponent(id)}`; }

function entityItem(e: Entity & { shared_articles?: number }): HTMLElement {
  return h('li', { class: 'entity-item' },
    h('span', { class: `dot ${e.type.toLowerCase()}` }),
    link(entityHref(e.id), e.name),
    h('span', { class: 'muted' }, ` ${S.entityTypes[e.type] ?? e.type} · ${num(e.shared_articles ?? e.mention_count)}`));
}

export async function entitiesPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const offset = Number(q.get('offset') ?? 0) || 0;
  const res = await api.entities({ q: q.get('q'), type: q.get('type'), limit: PAGE, offset });
  const input = h('input', { type: 'search', name: 'q', value: q.get('q') ?? '', placeholder: S.entitiesPage.namePlaceholder, 'aria-label': S.entitiesPage.nameLabel });
  const type = h('select', { name: 'type', 'aria-label': S.entitiesPage.typeLabel },
    h('option', { value: '' }, S.allTypes),
    Object.entries(S.entityTypesPlural).map(([v, label]) => h('option', { value: v, selected: q.get('type') === v }, label)));
  const f = h('form', { class: 'search-form' }, h('div', { class: 'row' }, input, type, h('button', { type: 'submit' }, S.entitiesPage.show)));
  const go = (off: number) => {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    if (type.value) p.set('type', type.value);
    if (off) p.set('offset', String(off));
    navigate('/entities' + (p.toString() ? `?${p}` : ''));
  };
  f.addEventListener('submit', (ev) => { ev.preventDefault(); go(0); });
  type.addEventListener('change', () => go(0));
  const pager = h('div', { class: 'pager' },
    offset > 0 ? h('button', { type: 'button', onclick: () => go(Math.max(0, offset - PAGE)) }, S.previous) : null,
    h('span', { class: 'muted' }, S.entitiesPage.count(res.total)),
    offset + res.items.length < res.total ? h('button', { type: 'button', onclick: () => go(offset + PAGE) }, S.next) : null);
  return h('div', { class: 'page entities-page' },
    h('section', { class: 'panel' }, h('h1', null, S.entitiesPage.title), f,
      h('ol', { class: 'entity-grid' }, res.items.map(entityItem)), pager));
}

export async function entityPage(ctx: RouteContext): Promise<Node> {
  const id = ctx.params[0];
  const offset = Number(ctx.query.get('offset') ?? 0) || 0;
  const d = await api.entity(id, { limit: PAGE, offset });
  const e = d.entity;
  const arts = d.articles;
  const mapBox = h('div', { class: 'mini-map' });
  if (typeof e.lat === 'number' && typeof e.lon === 'number') {
    const [lat, lon] = [e.lat, e.lon];
    void import('./map').then((m) => { if (!ctx.stale()) mapBox.appendChild(m.miniMap(lon, lat, e.name)); });
  }
  const pageHref = (off: number) => `${entityHref(id)}${off ? `?offset=${off}` : ''}`;
  return h('div', { class: 'page entity-page', 'data-entity': e.id },
    h('header', { class: 'page-head' },
      h('h1', null, h('span', { class: `dot ${e.type.toLowerCase()}` }), e.name),
      h('div', { class: 'meta' },
        h('span', null, S.entityTypes[e.type] ?? e.type),
        h('span', null, S.entitiesPage.mentions(e.mention_count)),
        link(`/search?entity=${encodeURIComponent(e.id)}`, S.searchItsReports))),
    h('div', { class: 'two-col' },
      h('section', { class: 'panel' },
        h('h2', null, S.entitiesPage.reports, h('span', { class: 'count' }, num(arts.total))),
        h('ol', { class: 'article-list' }, arts.items.map((a) => h('li', { class: 'article-row' },
          h('span', { class: 'outlet' }, a.outlet ?? S.unknownSource),
          link(`/articles/${a.id}`, a.title || S.report(a.id)),
          h('span', { class: 'muted' }, fmtDate(a.published)),
          a.mentions ? h('span', { class: 'badge' }, `×${num(a.mentions)}`) : null))),
        h('div', { class: 'pager' },
          offset > 0 ? link(pageHref(Math.max(0, offset - PAGE)), S.previous) : null,
          offset + arts.items.length < arts.total ? link(pageHref(offset + PAGE), S.next) : null)),
      h('aside', { class: 'side' },
        mapBox,
        h('section', { class: 'panel' }, h('h2', null, S.entitiesPage.variants),
          h('ul', { class: 'chips' }, d.variants.map((v) =>
            h('li', { class: 'chip' }, v.text, h('span', { class: 'muted' }, ` ${num(v.count)}`))))),
        d.related.length ? h('section', { class: 'panel' }, h('h2', null, S.entitiesPage.related),
          h('ol', { class: 'entity-list' }, d.related.map(entityItem))) : null)));
}
