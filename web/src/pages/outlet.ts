// Outlet page (issue 27): what an outlet reported, whom it cites most, how
// long after a story's first report it reports it, and how often its
// figures sit apart from the other outlets' on the same point. The figures
// come from GET /api/outlets/{name}/profile, over the samples it names.

import { get } from '../api';
import { fmtDate, h, link, num } from '../dom';
import type { RouteContext } from '../main';
import { S, SERVER_REPORT_LABEL } from '../strings';

export interface OutletProfile {
  outlet: string; latin_name: string | null; country: string | null; reports: number; first_report: string | null; last_report: string | null;
  stories: number;
  recent_stories: { id: number; title: string; reports: number; last_report: string | null; outlets: number }[];
  cites: { speaker: string; quotes: number }[];
  delay: { stories: number; median_hours: number | null; first_reports: number };
  figures: {
    points_held: number; points_apart: number; share_apart: number | null;
    stories: { id: number; title: string; points: number }[];
  };
  sampled_stories: {
    stories_read: number; stories_cap: number; reports_analysed: number; reports_analysed_cap: number;
    quotes: number; shared_stories: number; delay_cap: number; compared: number; compared_cap: number;
    skipped_over_reports: number; reports_per_story_cap: number;
  };
}

export const outletProfile = (name: string) =>
  get<OutletProfile>(`outlets/${encodeURIComponent(name)}/profile`);

/** The outlet page's address. */
export function outletHref(name: string): string { return `/outlets/${encodeURIComponent(name)}`; }

// Labels the comparison gives a report without an outlet: no page of theirs.
function notAnOutlet(name: string): boolean {
  return name.startsWith(S.unknownOutletPrefix) || name === S.unknownSource || SERVER_REPORT_LABEL.test(name);
}

/** An outlet's name linking to its page (a label for "no outlet" stays text). */
export function outletLink(name: string, cls = 'outlet-link'): HTMLElement {
  if (!name || notAnOutlet(name)) return h('span', null, name);
  const a = link(outletHref(name), name);
  a.className = cls;
  a.dataset.outlet = name;
  return a;
}

/** Names joined by "، ", each a link. */
export function outletLinks(names: string[]): (HTMLElement | string)[] {
  return names.flatMap((o, i) => (i ? [S.listSep, outletLink(o)] : [outletLink(o)]));
}

function hoursText(x: number): string {
  if (x === 0) return S.outletPage.sameHour;
  if (x < 1) return S.outletPage.afterMinutes(Math.round(x * 60));
  if (x < 48) return S.outletPage.afterHours(Math.round(x * 10) / 10);
  return S.outletPage.afterDays(Math.round((x / 24) * 10) / 10);
}

function percent(x: number | null): string {
  return x === null ? '—' : S.outletPage.percent(Math.round(x * 1000) / 10);
}

export async function outletPage(ctx: RouteContext): Promise<Node> {
  const name = ctx.params[0];
  const p = await outletProfile(name);
  const f = p.figures;
  const d = p.delay;
  const s = p.sampled_stories;
  const figures = h('section', { class: 'panel', 'data-testid': 'figures-apart' },
    h('h2', null, S.outletPage.figuresTitle),
    f.points_held
      ? h('p', null,
        S.outletPage.apartIn, h('strong', { 'data-apart': f.points_apart }, num(f.points_apart)),
        S.outletPage.apartOf(f.points_held),
        h('span', { class: 'badge warn', 'data-share': f.share_apart ?? '' }, percent(f.share_apart)), S.outletPage.end)
      : h('p', { class: 'muted' }, S.outletPage.noPoints),
    f.stories.length
      ? h('ol', { class: 'article-list' }, f.stories.map((st) => h('li', { class: 'article-row' },
        link(`/stories/${st.id}`, st.title || S.story(st.id)),
        h('span', { class: 'muted' }, S.outletPage.pointsApart(st.points)))))
      : null,
    h('p', { class: 'muted' },
      S.outletPage.compared(s.compared, s.compared_cap) +
      (s.skipped_over_reports ? S.outletPage.skipped(s.skipped_over_reports, s.reports_per_story_cap) : '') +
      S.outletPage.end));
  const delay = h('section', { class: 'panel', 'data-testid': 'delay' },
    h('h2', null, S.outletPage.delayTitle),
    d.median_hours !== null
      ? h('p', null, S.outletPage.usually,
        h('strong', { 'data-hours': d.median_hours }, hoursText(d.median_hours)),
        S.outletPage.delayOf(d.stories, d.first_reports))
      : h('p', { class: 'muted' }, S.outletPage.noDelay));
  const cites = h('section', { class: 'panel', 'data-testid': 'cites' },
    h('h2', null, S.outletPage.citesTitle),
    p.cites.length
      ? h('ol', { class: 'entity-list' }, p.cites.map((c) => h('li', { 'data-speaker': c.speaker },
        c.speaker, h('span', { class: 'muted' }, S.outletPage.quotes(c.quotes)))))
      : h('p', { class: 'muted' }, S.outletPage.noQuotes),
    h('p', { class: 'muted' }, S.outletPage.quotesFrom(s.quotes, s.reports_analysed, s.reports_analysed_cap)));
  const recent = h('section', { class: 'panel', 'data-testid': 'recent-stories' },
    h('h2', null, S.outletPage.recentTitle, h('span', { class: 'count' }, num(p.stories))),
    h('ol', { class: 'article-list' }, p.recent_stories.map((st) => h('li', { class: 'article-row', 'data-story': st.id },
      link(`/stories/${st.id}`, st.title || S.story(st.id)),
      h('span', { class: 'muted' }, fmtDate(st.last_report)),
      h('span', { class: 'muted' }, S.outletPage.ofItsReports(st.reports, st.outlets))))));
  return h('div', { class: 'page outlet-page', 'data-outlet': p.outlet, 'data-testid': 'outlet-page' },
    h('header', { class: 'page-head' },
      h('h1', null, p.outlet),
      // Issue 26: its Latin name under the Arabic one, its country as a label
      // (from data/clean/outlets.tsv; an outlet not in the table has neither).
      p.latin_name ? h('p', { class: 'muted outlet-latin', lang: 'en', dir: 'ltr', 'data-testid': 'outlet-latin' }, p.latin_name) : null,
      h('div', { class: 'meta' },
        p.country ? h('span', { class: 'badge', 'data-testid': 'outlet-country', 'data-country': p.country }, S.outletPage.country(p.country)) : null,
        h('span', { 'data-testid': 'outlet-reports', 'data-reports': p.reports }, S.reportCount(p.reports)),
        h('span', null, `${fmtDate(p.first_report)} – ${fmtDate(p.last_report)}`),
        h('span', null, S.storyCount(p.stories)),
        link(`/search?outlet=${encodeURIComponent(p.outlet)}`, S.searchItsReports))),
    figures, delay,
    h('div', { class: 'two-col' }, recent, h('aside', { class: 'side' }, cites)));
}
