// Map of places and events, drawn as SVG from bundled vector data.
//
// No tile server: country shapes come from Natural Earth's 1:50m countries
// (npm world-atlas, TopoJSON), fetched from our own origin as a static asset
// and projected with d3-geo (Mercator, fitted to the points shown). Paths are
// projected once; zooming and panning only change one transform on a group,
// and markers are rescaled so they keep their size on screen. This module is
// loaded on demand, so the other pages do not pay for d3 or the atlas.

import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { api } from '../api';
import { fmtDate, h, link, num, s } from '../dom';
import type { RouteContext } from '../main';
import { S } from '../strings';

const W = 960, H = 640;
let worldPromise: Promise<FeatureCollection<Geometry>> | null = null;

function loadWorld(): Promise<FeatureCollection<Geometry>> {
  worldPromise ??= fetch(worldUrl).then((r) => r.json()).then((topo: Topology) =>
    feature(topo, topo.objects.countries as GeometryCollection) as unknown as FeatureCollection<Geometry>);
  return worldPromise;
}

function fitProjection(points: [number, number][], w: number, h: number, minSpan: number): GeoProjection {
  let [x0, y0, x1, y1] = [25, 12, 60, 42];  // default view: the Middle East
  if (points.length) {
    x0 = Math.min(...points.map((p) => p[0])); x1 = Math.max(...points.map((p) => p[0]));
    y0 = Math.min(...points.map((p) => p[1])); y1 = Math.max(...points.map((p) => p[1]));
  }
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const hw = Math.max((x1 - x0) / 2 * 1.25, minSpan / 2), hh = Math.max((y1 - y0) / 2 * 1.25, minSpan / 3);
  const box = {
    type: 'Feature' as const, properties: {},
    // Mercator has no edge at the poles: a store whose places span the
    // world (Antarctica to Alaska) gave a box past 90° and paths of NaN.
    geometry: {
      type: 'MultiPoint' as const,
      coordinates: [[Math.max(-180, cx - hw), Math.max(-85, cy - hh)], [Math.min(180, cx + hw), Math.min(85, cy + hh)]],
    },
  };
  return geoMercator().fitSize([w, h], box);
}

function landLayer(world: FeatureCollection<Geometry>, proj: GeoProjection): SVGGElement {
  const path = geoPath(proj);
  const g = s('g', { class: 'land' });
  for (const f of world.features) {
    const d = path(f);
    if (d) g.appendChild(s('path', { d, 'vector-effect': 'non-scaling-stroke' },
      s('title', null, String((f.properties as { name?: string } | null)?.name ?? ''))));
  }
  return g;
}

/** Wheel zoom, drag pan and buttons on `g`; markers keep their screen size. */
function zoomable(svg: SVGSVGElement, g: SVGGElement, markers: SVGGElement): HTMLElement {
  let k = 1, tx = 0, ty = 0;
  const apply = () => {
    g.setAttribute('transform', `translate(${tx} ${ty}) scale(${k})`);
    for (const el of markers.querySelectorAll<SVGGElement>('.marker')) {
      el.setAttribute('transform', `translate(${el.dataset.x} ${el.dataset.y}) scale(${1 / k})`);
    }
  };
  const zoomAt = (factor: number, px: number, py: number) => {
    const nk = Math.min(40, Math.max(1, k * factor));
    tx = px - (px - tx) * (nk / k); ty = py - (py - ty) * (nk / k); k = nk;
    apply();
  };
  const toSvg = (ev: { clientX: number; clientY: number }) => {
    const r = svg.getBoundingClientRect();
    return [(ev.clientX - r.left) * (W / r.width), (ev.clientY - r.top) * (H / r.height)];
  };
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const [px, py] = toSvg(ev);
    zoomAt(ev.deltaY < 0 ? 1.25 : 0.8, px, py);
  }, { passive: false });
  let drag: [number, number] | null = null;
  svg.addEventListener('pointerdown', (ev) => {
    if ((ev.target as Element).closest('a')) return;
    drag = [ev.clientX, ev.clientY]; svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    tx += (ev.clientX - drag[0]) * (W / r.width); ty += (ev.clientY - drag[1]) * (H / r.height);
    drag = [ev.clientX, ev.clientY]; apply();
  });
  svg.addEventListener('pointerup', () => { drag = null; });
  apply();
  return h('div', { class: 'zoom-buttons' },
    h('button', { type: 'button', onclick: () => zoomAt(1.5, W / 2, H / 2), 'aria-label': S.mapPage.zoomIn }, '+'),
    h('button', { type: 'button', onclick: () => zoomAt(1 / 1.5, W / 2, H / 2), 'aria-label': S.mapPage.zoomOut }, '−'),
    h('button', { type: 'button', onclick: () => { k = 1; tx = 0; ty = 0; apply(); } }, S.mapPage.all));
}

function marker(x: number, y: number, cls: string, r: number, href: string, title: string, label?: string): SVGGElement {
  const g = s('g', { class: `marker ${cls}` });
  g.dataset.x = String(x); g.dataset.y = String(y);
  g.appendChild(s('a', { href, 'data-nav': true },
    s('circle', { r }), s('title', null, title),
    label ? s('text', { x: r + 3, y: 4, class: 'label', direction: 'rtl', 'text-anchor': 'end' }, label) : null));
  return g;
}

export async function mapPage(ctx: RouteContext): Promise<Node> {
  const story = ctx.query.get('story');
  const from = ctx.query.get('from'), to = ctx.query.get('to');
  const [world, places] = await Promise.all([loadWorld(), api.places({ story, from, to, limit: 2000 })]);
  const feats = places.features.filter((f) => f.geometry?.coordinates?.length === 2);
  const placeFeats = feats.filter((f) => f.properties.kind === 'place')
    .sort((a, b) => (b.properties.mentions ?? 0) - (a.properties.mentions ?? 0));
  const eventFeats = feats.filter((f) => f.properties.kind === 'event');
  const proj = fitProjection(feats.map((f) => f.geometry.coordinates), W, H, 8);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': S.mapPage.aria });
  const g = s('g', null);
  g.appendChild(s('rect', { x: -W * 20, y: -H * 20, width: W * 41, height: H * 41, class: 'sea' }));
  g.appendChild(landLayer(world, proj));
  const markers = s('g', { class: 'markers' });
  const maxM = Math.max(1, ...placeFeats.map((f) => f.properties.mentions ?? 1));
  const taken: [number, number, number, number][] = [];  // label boxes, greedy by mentions
  const free = (b: [number, number, number, number]) =>
    taken.every((o) => b[0] > o[2] || b[2] < o[0] || b[1] > o[3] || b[3] < o[1]);
  placeFeats.forEach((f, i) => {
    const p = proj(f.geometry.coordinates);
    if (!p) return;
    const m = f.properties.mentions ?? 1;
    const r = 3 + 9 * Math.sqrt(m / maxM);
    const name = f.properties.name ?? '';
    const box: [number, number, number, number] = [p[0] - r, p[1] - 8, p[0] + r + 4 + name.length * 7, p[1] + 8];
    const labelled = i < 40 && free(box);
    if (labelled) taken.push(box);
    markers.appendChild(marker(p[0], p[1], 'place', r, `/entities/${encodeURIComponent(f.properties.entity_id ?? '')}`,
      S.mapPage.placeTitle(name, m, f.properties.events ?? 0), labelled ? name : undefined));
  });
  for (const f of eventFeats) {
    const p = proj(f.geometry.coordinates);
    if (!p) continue;
    markers.appendChild(marker(p[0], p[1], 'event', 3.5, `/articles/${f.properties.article_id}`,
      `${f.properties.mode || f.properties.plover || S.mapPage.event} — ${f.properties.name ?? ''} ${fmtDate(f.properties.date)}`));
  }
  g.appendChild(markers);
  svg.appendChild(g);
  const buttons = zoomable(svg, g, markers);
  return h('div', { class: 'page map-page' },
    h('header', { class: 'page-head' }, h('h1', null, S.chrome.map),
      h('div', { class: 'meta' },
        story ? [h('span', null, S.inStory(story)), link('/map', S.mapPage.allStories)] : null,
        h('span', null, S.mapPage.places(placeFeats.length)), h('span', null, S.mapPage.eventsCount(eventFeats.length)),
        h('span', { class: 'key key-place' }, S.mapPage.place), h('span', { class: 'key key-event' }, S.mapPage.event))),
    h('div', { class: 'map-layout' },
      h('div', { class: 'map-box' }, svg, buttons),
      h('aside', { class: 'side' },
        h('section', { class: 'panel' }, h('h2', null, S.mapPage.placesTitle),
          h('ol', { class: 'entity-list' }, placeFeats.slice(0, 40).map((f) => h('li', null,
            link(`/entities/${encodeURIComponent(f.properties.entity_id ?? '')}`, f.properties.name ?? ''),
            h('span', { class: 'muted' }, ` ${num(f.properties.mentions ?? 0)}`))))))),
    eventTable(ctx),
    h('p', { class: 'muted attribution' }, S.mapPage.attribution));
}

// The kinds the map's events carry (a subset of the search page's filters).
const PLOVER = ['ASSAULT', 'FIGHT', 'COERCE', 'PROTEST', 'ACCUSE', 'THREATEN', 'AGREE', 'CONSULT',
  'SUPPORT', 'AID', 'SANCTION'];

/** The events list (GET /api/events), filtered by type, 50 at a time. */
function eventTable(ctx: RouteContext): HTMLElement {
  const body = h('tbody');
  const type = h('select', { 'aria-label': S.mapPage.eventType },
    h('option', { value: '' }, S.allTypes), PLOVER.map((v) => h('option', { value: v }, S.eventTypes[v] ?? v)));
  const more = h('button', { type: 'button', class: 'more' }, S.more);
  let offset = 0;
  const load = async (reset: boolean) => {
    if (reset) { offset = 0; while (body.firstChild) body.removeChild(body.firstChild); }
    const res = await api.events({ type: type.value, story: ctx.query.get('story'), from: ctx.query.get('from'),
      to: ctx.query.get('to'), limit: 50, offset }).catch(() => null);
    if (!res || ctx.stale()) return;
    for (const e of res.items) {
      body.appendChild(h('tr', null,
        h('td', null, fmtDate(e.date)),
        h('td', null, e.mode || e.plover),
        h('td', null, e.location ?? '—'),
        h('td', null, link(`/articles/${e.article_id}`, e.title || S.report(e.article_id))),
        h('td', null, e.outlet ?? '')));
    }
    offset += res.items.length;
    more.hidden = offset >= res.total;
  };
  type.addEventListener('change', () => void load(true));
  more.addEventListener('click', () => void load(false));
  void load(true);
  return h('section', { class: 'panel events-panel' },
    h('div', { class: 'row' }, h('h2', null, S.mapPage.log), type),
    h('div', { class: 'matrix-wrap' }, h('table', { class: 'events-table' },
      h('thead', null, h('tr', null, S.mapPage.columns.map((c) => h('th', { scope: 'col' }, c)))),
      body)),
    more);
}

/** A small map centred on one point (entity pages). */
export function miniMap(lon: number, lat: number, name: string): Node {
  const w = 320, hgt = 220;
  const proj = geoMercator().center([lon, lat]).scale(1400).translate([w / 2, hgt / 2]);
  const svg = s('svg', { viewBox: `0 0 ${w} ${hgt}`, class: 'map mini', role: 'img', 'aria-label': name });
  svg.appendChild(s('rect', { x: 0, y: 0, width: w, height: hgt, class: 'sea' }));
  void loadWorld().then((world) => {
    svg.insertBefore(landLayer(world, proj), svg.childNodes[1] ?? null);
  });
  const p = proj([lon, lat]) ?? [w / 2, hgt / 2];
  svg.appendChild(s('circle', { cx: p[0], cy: p[1], r: 6, class: 'pin' }));
  svg.appendChild(s('text', { x: p[0] + 9, y: p[1] + 4, class: 'label', direction: 'rtl', 'text-anchor': 'end' }, name));
  return svg;
}
