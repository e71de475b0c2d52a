// The story comparison: reading the API's claim matrix into one shape.
//
// The server sends the comparison built by src/facts (slot × outlet, with
// speakers, values, spans and the disagreements it detected). This module
// accepts that matrix as rows with cells (keyed by outlet or listed), as a
// flat list of cells, or as a flat list of claims, and turns it into
// `Comparison`, so that the page code does not depend on the exact nesting.
// Nothing is inferred here: disagreements are the server's, only looked up.
//
// The server's unit is the POINT (issue 22): each thing an analyst lines up
// across sources once per story (the killed of the incident, whether a
// chemical weapon was used, who is responsible ...), with its positions
// (a value held by one source, with the outlets and reports carrying it, the
// earliest report and the claims' exact words). `readPoints` reads them;
// contested points come first, as the server ranks them.

import type { ArticleMeta, Span } from './api';
import { S, SERVER_REPORT_LABEL } from './strings';

export interface CmpClaim {
  slot: string;
  outlet: string;
  article_id?: number;
  value: string;
  min?: number;
  max?: number;
  approximate?: boolean;
  speaker?: string;
  via?: string;
  modality?: string;
  span?: Span;
  text?: string;       // the words, when the server includes them
  disputed?: boolean;  // part of a disagreement
}

// `more`: claims the server left out of a cell (it sends a few per cell for
// a story of hundreds of reports, and says how many there are).
export interface CmpRow { slot: string; cells: Map<string, CmpClaim[]>; more: Map<string, number>; disputed: boolean }

export interface Disagreement { slots: string[]; kind: string; reason: string; claims: CmpClaim[]; more: number }

export interface Position {
  value: string;
  label: string;        // Arabic, from the server ("نحو 150", "نفي", "يحمّل …")
  slot: string;
  modality: string;
  source: string;       // the speaker; '' = the outlet itself
  outlets: string[];
  reports: number;
  articles: number[];   // the reports' ids
  firstSeen?: string;
  firstArticle?: number;
  claims: CmpClaim[];   // the words, first ones only (claimsTotal says how many)
  claimsTotal: number;
  conflict: boolean;    // one side of a conflict of its point
}

/** One report carrying a position of a point, in publication order (issue 27). */
export interface TimelineEntry {
  at?: string;          // publication time (ISO 8601); undefined = undated
  article: number;
  outlet: string;
  position: number;     // index into the server's positions (before ordering)
  first: boolean;       // the position's first report
  value: string;
  label: string;        // Arabic, from the server
  source: string;       // '' = the outlet itself
  min?: number;         // a figure's bounds (undefined: not a figure, or open)
  max?: number;
}

export interface Point {
  kind: string;
  label: string;        // Arabic, from the server ("قتلى", "استخدام سلاح كيميائي")
  about: string;
  scope: string;        // incident | wider
  contested: boolean;
  timeline: boolean;    // a figure that moved over time (a rising toll)
  sources: number;
  positions: Position[];
  overTime: TimelineEntry[];  // the server's "over_time": [] when it sends none
}

export interface Comparison {
  outlets: string[];
  points: Point[];
  pointsTotal: number;     // the server sends the main ones of a long story
  contestedTotal: number;
  rows: CmpRow[];
  disagreements: Disagreement[];
  disagreementsTotal: number;  // the server may send only the main ones
  agreements: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '');
const numOr = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

/** A report without an outlet, which the server names "تقرير N", in words. */
export function readableOutlet(o: string): string {
  const m = SERVER_REPORT_LABEL.exec(o);
  return m ? S.unknownOutlet(m[1] ?? m[2]) : o;
}

function outletOf(o: Obj, articles: Map<number, ArticleMeta>): string {
  const direct = str(o.outlet) || str(o.source_outlet);
  if (direct) return readableOutlet(direct);
  const id = numOr(o.article_id) ?? numOr(o.article);
  const a = id !== undefined ? articles.get(id) : undefined;
  if (a?.outlet) return a.outlet;
  if (a?.agency) return a.agency;
  return id !== undefined ? S.unknownOutlet(id) : S.unknown;
}

function readTimeline(x: unknown): TimelineEntry[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObj).map((e) => ({
    at: str(e.at) || undefined,
    article: numOr(e.article) ?? 0,
    outlet: readableOutlet(str(e.outlet)),
    position: numOr(e.position) ?? 0,
    first: e.first === true,
    value: str(e.value),
    label: str(e.label) || str(e.value),
    source: str(e.source),
    min: numOr(e.min),
    max: numOr(e.max),
  }));
}

function toClaim(o: Obj, slot: string, outlet: string): CmpClaim {
  const span = isObj(o.span) ? (o.span as unknown as Span) : undefined;
  // The server writes an approximate figure as "~150" (marsad story's text
  // form); the UI keeps the number and shows the flag in words.
  let value = str(o.value);
  let approximate = o.approximate === true;
  const approx = /^~(-?\d+(?:\.\d+)?)$/.exec(value);
  if (approx) {
    value = approx[1];
    approximate = true;
  }
  return {
    slot: str(o.slot) || slot,
    outlet,
    article_id: numOr(o.article_id) ?? numOr(o.article),
    value,
    min: numOr(o.min),
    max: numOr(o.max),
    approximate,
    speaker: str(o.speaker) || undefined,
    via: str(o.via) || undefined,
    modality: str(o.modality) || undefined,
    span,
    text: str(o.text) || str(o.surface) || str(o.words) || undefined,
    disputed: o.disputed === true ? true : undefined,
  };
}

function claimsIn(x: unknown): Obj[] {
  if (Array.isArray(x)) return x.filter(isObj);
  if (isObj(x)) return Array.isArray(x.claims) ? x.claims.filter(isObj) : [x];
  return [];
}

/** Reads the API's `comparison` value; returns null when there is none. */
export function readComparison(raw: unknown, articleList: ArticleMeta[]): Comparison | null {
  if (!isObj(raw)) return null;
  const articles = new Map(articleList.map((a) => [a.id, a]));
  const all: CmpClaim[] = [];
  const hidden: { slot: string; outlet: string; n: number }[] = [];
  const source = raw.matrix ?? raw.slots ?? raw.rows ?? raw.cells ?? raw.claims ?? [];
  const entries: unknown[] = Array.isArray(source) ? source
    : isObj(source) ? Object.entries(source).map(([slot, v]) => (isObj(v) ? { slot, ...v } : { slot, cells: v }))
    : [];
  for (const e of entries) {
    if (!isObj(e)) continue;
    const slot = str(e.slot) || str(e.name) || str(e.key);
    const cells = e.cells ?? e.by_outlet ?? e.outlets;
    if (Array.isArray(cells)) {
      for (const c of cells.filter(isObj)) {
        const outlet = outletOf(c, articles);
        const listed = claimsIn(c);
        for (const cl of listed) all.push(toClaim(cl, slot, outletOf(cl, articles) || outlet));
        const total = numOr(c.claims_total);
        if (total !== undefined && total > listed.length) hidden.push({ slot, outlet, n: total - listed.length });
      }
    } else if (isObj(cells)) {
      for (const [outlet, v] of Object.entries(cells)) {
        for (const cl of claimsIn(v)) all.push(toClaim(cl, slot, outlet));
      }
    } else if (Array.isArray(e.claims)) {
      const outlet = outletOf(e, articles);
      for (const cl of e.claims.filter(isObj)) all.push(toClaim(cl, slot, str(cl.outlet) || outlet));
    } else if ('value' in e || 'modality' in e) {
      all.push(toClaim(e, slot, outletOf(e, articles)));
    }
  }
  const disagreements = readDisagreements(raw.disagreements, articles);
  const key = (c: CmpClaim) => `${c.article_id ?? ''}|${c.span?.begin ?? ''}|${c.slot}|${c.value}`;
  const disputedKeys = new Set(disagreements.flatMap((d) => d.claims.map(key)));
  const disputedSlots = new Set(disagreements.flatMap((d) => d.slots));
  const outlets: string[] = [];
  const declared = Array.isArray(raw.outlets) ? raw.outlets : [];
  for (const o of declared) {
    const name = isObj(o) ? str(o.outlet) || str(o.name) : str(o);
    if (name && !outlets.includes(readableOutlet(name))) outlets.push(readableOutlet(name));
  }
  const rows = new Map<string, CmpRow>();
  for (const c of all) {
    c.disputed = c.disputed === true || disputedKeys.has(key(c));
    if (!outlets.includes(c.outlet)) outlets.push(c.outlet);
    let row = rows.get(c.slot);
    if (!row) { row = { slot: c.slot, cells: new Map(), more: new Map(), disputed: disputedSlots.has(c.slot) }; rows.set(c.slot, row); }
    if (c.disputed) row.disputed = true;
    const list = row.cells.get(c.outlet) ?? [];
    list.push(c);
    row.cells.set(c.outlet, list);
  }
  for (const x of hidden) rows.get(x.slot)?.more.set(x.outlet, x.n);
  const sorted = [...rows.values()].sort((a, b) => Number(b.disputed) - Number(a.disputed));
  const points = readPoints(raw.points, articles);
  return {
    outlets,
    points,
    pointsTotal: Math.max(numOr(raw.points_total) ?? 0, points.length),
    contestedTotal: Math.max(numOr(raw.contested_total) ?? 0, points.filter((p) => p.contested).length),
    rows: sorted,
    disagreements,
    disagreementsTotal: Math.max(numOr(raw.disagreements_total) ?? 0, disagreements.length),
    agreements: typeof raw.agreements === 'number' ? raw.agreements
      : Array.isArray(raw.agreements) ? raw.agreements.length : null,
  };
}


function readPosition(o: Obj, conflict: boolean, articles: Map<number, ArticleMeta>): Position {
  const claims = (Array.isArray(o.claims) ? o.claims.filter(isObj) : [])
    .map((c) => toClaim(c, str(o.slot), outletOf(c, articles)));
  const modality = str(o.modality) || 'asserted';
  return {
    value: str(o.value),
    label: positionLabel(str(o.slot), str(o.value), modality, str(o.label)),
    slot: str(o.slot),
    modality,
    source: str(o.source),
    outlets: Array.isArray(o.outlets) ? o.outlets.map(str).filter(Boolean).map(readableOutlet) : [],
    reports: numOr(o.reports) ?? 0,
    articles: Array.isArray(o.articles) ? o.articles.filter((a): a is number => typeof a === 'number') : [],
    firstSeen: str(o.first_seen) || undefined,
    firstArticle: numOr(o.first_article),
    claims,
    claimsTotal: Math.max(numOr(o.claims_total) ?? 0, claims.length),
    conflict,
  };
}

// The order positions are shown in (a point shows its first few): the sides
// of a conflict first, each distinct value once by its most carried
// position (so that an assertion held by sixty sources does not hide the one
// denial), then the rest by reports.
function ordered(positions: Position[]): Position[] {
  const byReports = [...positions].sort((a, b) =>
    Number(b.conflict) - Number(a.conflict) || b.reports - a.reports);
  const seen = new Set<string>();
  const heads: Position[] = [];
  for (const q of byReports) {
    if (q.conflict && !seen.has(q.label)) { seen.add(q.label); heads.push(q); }
  }
  return [...heads, ...byReports.filter((q) => !heads.includes(q))];
}

/** Reads the server's ranked `points`; [] when the server sends none. */
export function readPoints(x: unknown, articles: Map<number, ArticleMeta>): Point[] {
  if (!Array.isArray(x)) return [];
  return x.filter(isObj).map((p) => {
    const sides = new Set<number>();
    if (Array.isArray(p.conflicts)) {
      for (const pair of p.conflicts) if (Array.isArray(pair)) for (const k of pair) if (typeof k === 'number') sides.add(k);
    }
    const positions = (Array.isArray(p.positions) ? p.positions.filter(isObj) : [])
      .map((o, i) => readPosition(o, sides.has(i), articles));
    const kind = str(p.kind), about = str(p.about), scope = str(p.scope) || 'incident';
    return {
      kind,
      label: pointLabel(kind, about, scope, str(p.label)),
      about,
      scope,
      contested: p.contested === true,
      timeline: p.timeline === true,
      sources: numOr(p.sources) ?? 0,
      positions: ordered(positions),
      // Each entry named as its position is (its index is the server's order).
      overTime: readTimeline(p.over_time).map((e) => ({ ...e, label: positions[e.position]?.label ?? e.label })),
    };
  });
}

function readDisagreements(x: unknown, articles: Map<number, ArticleMeta>): Disagreement[] {
  if (!Array.isArray(x)) return [];
  const out: Disagreement[] = [];
  for (const d of x.filter(isObj)) {
    const parts: Obj[] = [];
    for (const k of ['claims', 'sides', 'between']) if (Array.isArray(d[k])) parts.push(...(d[k] as unknown[]).filter(isObj));
    for (const k of ['a', 'b', 'left', 'right', 'first', 'second']) if (isObj(d[k])) parts.push(d[k] as Obj);
    const claims = parts.flatMap((p) => claimsIn(p).map((c) => toClaim(c, str(d.slot), outletOf(c, articles))));
    const slots = new Set<string>();
    if (Array.isArray(d.slots)) for (const sl of d.slots) if (str(sl)) slots.add(str(sl));
    if (str(d.slot)) slots.add(str(d.slot));
    for (const c of claims) if (c.slot) slots.add(c.slot);
    out.push({
      slots: [...slots],
      kind: str(d.kind) || str(d.type),
      reason: str(d.reason) || str(d.note) || str(d.explanation) || str(d.description) || str(d.message),
      claims,
      more: Math.max(0, (numOr(d.claims_total) ?? claims.length) - claims.length),
    });
  }
  return out;
}

// The comparison's values for event kinds ("ASSAULT:air strike") and
// weapons ("drone") are the facts stage's codes; the page shows their names
// from the strings table (the code stays in data-value).

/** A claim's value as the page shows it: event kinds and weapons in Arabic. */
export function valueLabel(slot: string, value: string): string {
  if (slot === 'weapon') return S.weapons[value] ?? value;
  if (value === 'used') return S.used;
  const lower = /^>=(\d+(?:\.\d+)?)$/.exec(value);
  if (lower) return S.moreThan(lower[1]);
  const m = /^([A-Z]+)(?::(.+))?$/.exec(value);
  if (m && S.events[m[1]]) return m[2] ? S.events[m[2]] ?? m[2] : S.events[m[1]];
  return value;
}

// A code the page has no name for is never shown in English: its words
// that have names are kept, the rest read "أخرى".
function partLabel(p: string): string {
  if (S.slots[p]) return S.slots[p];
  if (!/^[a-z_]+$/.test(p)) return p;
  const words = p.split('_');
  // The noun before the nation: "american_personnel" → "عسكريون أمريكيون".
  const named = [...words.filter((w) => !S.nations[w]).map((w) => S.slots[w]),
    ...words.map((w) => S.nations[w])].filter(Boolean);
  return named.length ? named.join(' ') : S.otherCode;
}

/** The name of a slot id such as "injured" or "presence:russian_personnel". */
export function slotLabel(slot: string): string {
  return slot.split(':').map(partLabel).join(': ');
}

// The server names points and positions in Arabic ("قتلى", "نحو 150",
// "يحمّل …", "نفي"): the page names them from their codes through the
// strings table instead, so that they follow the UI's language; the
// server's label is kept only for a code the table does not know.

/** The comparison's figure points (src/facts/compare.cc kCasualtyKinds). */
const CASUALTY_SLOTS = new Set(['killed', 'injured', 'killed_or_injured', 'missing', 'arrested', 'kidnapped']);

/** A position's name: its figure ("~150", ">=20", "20-99"), whom it holds
 *  responsible, or its modality. */
export function positionLabel(slot: string, value: string, modality: string, server: string): string {
  if (CASUALTY_SLOTS.has(slot)) {
    if (value.startsWith('>=')) return S.moreThan(value.slice(2));
    if (value.startsWith('~')) return S.approx + value.slice(1);
    const dash = value.indexOf('-');
    return dash > 0 ? S.between(value.slice(0, dash), value.slice(dash + 1)) : value;
  }
  if (slot === 'responsibility:doer') return S.doer(value);
  if (slot === 'responsibility' && modality !== 'denied') return S.holdsResponsible(value);
  if (value === 'partial') return S.partialControl;
  if (slot === 'other:deliberate' && S.intents[value]) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.intents[value]}` : S.intents[value];
  }
  if (slot === 'other:interception' && S.interceptions[value]) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.interceptions[value]}` : S.interceptions[value];
  }
  if (slot === 'other:legality' && S.legalities[value]) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.legalities[value]}` : S.legalities[value];
  }
  if (slot === 'other:talks' && S.talksOutcomes[value]) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.talksOutcomes[value]}` : S.talksOutcomes[value];
  }
  if (slot === 'other:began' && value) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.began(value)}` : S.began(value);
  }
  if (slot === 'other:allegation' && modality !== 'denied') return value ? S.accuses(value) : S.allegation;
  if (slot === 'weapon:cause' && S.causes[value]) {
    return modality === 'denied' ? `${S.positionModalities.denied}: ${S.causes[value]}` : S.causes[value];
  }
  return S.positionModalities[modality] ?? (server || modalityLabel(modality));
}

/** A point's name from its kind, what it is about ("other:control",
 *  "presence:russian_personnel", ":part") and its scope. */
export function pointLabel(kind: string, about: string, scope: string, server: string): string {
  if (!S.points[kind]) return server || S.points.other;
  let s = S.points[kind];
  const other = /^(?:other|weapon):(.+)$/.exec(about);
  if (other && S.pointAbout[other[1]]) s = S.pointAbout[other[1]];
  if (kind === 'presence') {
    const nation = (about.split(':')[1] ?? '').split('_')[0];
    if (S.nations[nation]) s += `: ${S.nations[nation]}`;
  }
  if (about.includes(':part')) s += ` (${S.slots.part})`;
  if (scope === 'wider') s += S.widerToll;
  return s;
}

export function modalityLabel(m: string | undefined): string {
  return m ? S.modalities[m] ?? m : '';
}
