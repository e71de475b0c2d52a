// Typed access to the marsad JSON API (docs/openapi.yaml).
// Only the fields the UI reads are typed; everything is optional-tolerant
// because an older store may lack newer analysis fields. src/api_contract.ts
// checks these types against the ones generated from the spec (src/api.gen.ts):
// tsc fails when they drift apart.

export interface Span { begin: number; end: number; begin16?: number; end16?: number }

export interface Page<T> { total: number; limit: number; offset: number; items: T[] }

export interface StorySummary {
  id: number; title: string; first_seen: string | null; last_seen: string | null;
  article_count: number; outlets: string[];
  /** The id of its thread's earliest story; its own id when in no thread (issue 20). */
  thread?: number;
}
/** A related story: how it stands to the story in time (issue 20). */
export interface RelatedStory extends StorySummary {
  relation: 'follow_up' | 'earlier' | 'concurrent'; in_thread?: boolean;
}
/** A story of a thread, as the story page lists it ("self": the page's own story). */
export interface ThreadStory extends StorySummary { relation: 'self' | 'follow_up' | 'earlier' | 'concurrent' }
/** The long-running topic a story belongs to, when it holds more than the story. */
export interface StoryThread { id: number; story_count: number; stories: ThreadStory[] }
/** A page of a thread's stories (GET /api/threads/{id}). */
export interface ThreadPage extends Page<StorySummary> { id: number }

export interface ArticleMeta {
  id: number; source?: string; outlet: string | null; agency?: string | null;
  title: string | null; standfirst?: string | null; published: string | null;
  url?: string | null; story: number | null; duplicate_of?: number | null; author?: string | null;
  word_count?: number | null;
}

export interface EntityMention {
  span: Span; type: string; text: string; entity_id: string; canonical: string;
  role?: string; role_span?: Span; lat?: number; lon?: number;
}
export interface NumberMention {
  span: Span; value: number; min: number; max: number | null /* null: open upper bound */; approximate: boolean; unit?: string;
}
export interface DateMention {
  span: Span; value: string; precision?: string; relative?: boolean; begin?: string; end?: string;
}
export interface Quote {
  span: Span; content: Span; cue: Span; speaker_span: Span; speaker: string; entity_id: string;
  via: string; direct: boolean; carried_over: boolean;
}
export interface Casualty { kind: string; number: NumberMention }
export interface EventInfo {
  plover: string; mode: string; acled_type?: string; acled_subtype?: string; trigger: Span;
  sentence: Span; actor: string; target: string; location: string; weapon: string; date: string;
  casualties: Casualty[]; modality: string;
}
export interface ClaimInfo {
  slot: string; value: string; min: number; max: number | null; approximate: boolean; speaker: string;
  modality: string; span: Span; event: number;
}
export interface Analysis {
  entities?: EntityMention[]; numbers?: NumberMention[]; dates?: DateMention[]; quotes?: Quote[];
  events?: EventInfo[]; claims?: ClaimInfo[]; removed?: { text: string; reason: string }[];
}
export interface Article extends ArticleMeta { text: string; analysis: Analysis }

export interface StoryDetail {
  story: StorySummary; articles: ArticleMeta[]; related?: RelatedStory[];
  thread?: StoryThread | null;
  comparison: unknown;
}

export interface SearchHit {
  article_id: number; story_id: number | null; title: string; outlet: string; published: string;
  score: number; snippet: string; snippet_span?: Span; highlights?: Span[];
  snippet_highlights?: Span[];
}
export interface SearchResult extends Page<SearchHit> { query: string; took_ms?: number }

export interface SavedSearch {
  name: string; query: string; filters: Record<string, string | number>; created_at: string;
  reported_up_to: number; matches: number; unreported: number;
  latest: { article_id: number; story_id: number | null; title: string; outlet: string;
    published: string; reported: boolean }[];
}

export interface Entity {
  id: string; name: string; type: string; lat?: number | null; lon?: number | null;
  mention_count: number;
}
export interface EntityDetail {
  entity: Entity; variants: { text: string; count: number }[];
  articles: Page<ArticleMeta & { mentions?: number }>;
  related: (Entity & { shared_articles?: number })[];
}
export interface EventRow {
  article_id: number; idx: number; plover: string; mode: string; date: string | null;
  location: string | null; lat: number | null; lon: number | null; title: string; outlet: string;
  story_id: number | null;
}
export interface TimelineBucket { date: string; articles: number; stories: number }

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    kind: 'place' | 'event'; entity_id?: string; name?: string; mentions?: number; events?: number;
    article_id?: number; plover?: string; mode?: string; date?: string;
  };
}

/** An error response from the API, carrying its code ("not_found", ...). */
export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) { super(message); }
}

type Params = Record<string, string | number | undefined | null>;

function query(params?: Params): string {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

const cache = new Map<string, { at: number; p: Promise<unknown> }>();
const CACHE_MS = 60_000;

/** The JSON body of an API response, or its error as an ApiError. */
async function answer<T>(r: Response): Promise<T> {
  let body: unknown = null;
  try { body = await r.json(); } catch { /* non-JSON error page */ }
  if (!r.ok) {
    const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(r.status, e?.code ?? 'http_' + r.status, e?.message ?? r.statusText);
  }
  return body as T;
}

/** POSTs JSON to an API path (never cached); the answer or an ApiError. */
export async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const r = await fetch(`/api/${path}`, {
    method: 'POST', body: JSON.stringify(body),
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
  });
  return answer<T>(r);
}

/** A story watched (POST /api/stories/{id}/watch, issue 27). */
export interface StoryWatch { name: string; story: number; kind: 'positions'; created: boolean }

/** GETs an API path; a response is reused for a minute (back/forward, shared fetches). */
export function get<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  const url = `/api/${path}${query(params)}`;
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.p as Promise<T>;
  const p = fetch(url, { signal, headers: { Accept: 'application/json' } }).then((r) => answer<T>(r));
  cache.set(url, { at: Date.now(), p });
  p.catch(() => cache.delete(url));
  if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  return p;
}

/** Forgets cached responses (e.g. after the user asks to reload). */
export function clearCache(): void { cache.clear(); }

export const api = {
  stories: (limit: number, offset: number) => get<Page<StorySummary>>('stories', { limit, offset }),
  story: (id: number) => get<StoryDetail>(`stories/${id}`),
  thread: (id: number, limit: number, offset: number) =>
    get<ThreadPage>(`threads/${id}`, { limit, offset }),
  article: (id: number) => get<Article>(`articles/${id}`),
  search: (p: Params) => get<SearchResult>('search', p),
  outlets: () => get<{ items: { outlet: string; articles: number; latin_name: string | null; country: string | null }[] }>('outlets'),
  alerts: () => get<{ items: SavedSearch[] }>('alerts'),
  watchStory: (id: number) => post<StoryWatch>(`stories/${id}/watch`),
  entities: (p: Params) => get<Page<Entity>>('entities', p),
  entity: (id: string, p?: Params) => get<EntityDetail>(`entities/${encodeURIComponent(id)}`, p),
  events: (p: Params) => get<Page<EventRow>>('events', p),
  timeline: (p?: Params) => get<{ bucket: string; items: TimelineBucket[] }>('timeline', p),
  places: (p?: Params) =>
    get<{ type: 'FeatureCollection'; features: PlaceFeature[] }>('places', p),
};

/** The JS string range of a span (UTF-16); falls back to byte offsets only for ASCII. */
export function range16(s: Span | undefined | null): [number, number] | null {
  if (!s) return null;
  if (typeof s.begin16 === 'number' && typeof s.end16 === 'number') {
    return s.end16 > s.begin16 ? [s.begin16, s.end16] : null;
  }
  return null;
}
