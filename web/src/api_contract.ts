// The UI's hand-written API types (src/api.ts, pages/outlet.ts) checked against
// the types generated from docs/openapi.yaml (src/api.gen.ts), at compile time:
// `tsc --noEmit` fails when
//   - a body the spec declares is not assignable to the type the UI reads it as
//     (the UI reads a field the spec does not promise, as required or with
//     another type, or a field the spec renamed or dropped), or
//   - a type of the UI names a field, even optional, that the spec's object
//     lacks (a typo or a field the server never sends).
// The hand-written types stay the UI's narrow view (only what it reads, with the
// optional-tolerance an older store needs); the spec is the contract, and
// ctest `api_contract` checks that the real server answers what it says.
// Nothing here exists at run time.

import type { components, paths } from './api.gen';
import type {
  Analysis, Article, ArticleMeta, ClaimInfo, DateMention, Entity, EntityDetail, EntityMention,
  EventInfo, EventRow, NumberMention, Page, PlaceFeature, Quote, RelatedStory, SavedSearch, SearchHit,
  SearchResult, Span, StoryDetail, StorySummary, StoryThread, StoryWatch, ThreadPage, TimelineBucket,
} from './api';
import type { OutletProfile } from './pages/outlet';

type Schemas = components['schemas'];

/** The JSON body of the 200 answer to GET `P`, as docs/openapi.yaml declares it. */
export type ApiBody<P extends keyof paths> =
  paths[P]['get'] extends { responses: { 200: { content: infer C } } } ? C[keyof C] : never;

/** `Spec` (what the server sends) can be read as `Ui`, and `Ui` names no field `Spec` lacks. */
type Conforms<Spec, Ui> = [Spec] extends [Ui]
  ? (Exclude<keyof Ui, keyof Spec> extends never ? true : { fields_not_in_spec: Exclude<keyof Ui, keyof Spec> })
  : { not_assignable: [Spec, Ui] };
/** Fails to compile unless `T` is `true`; the error shows what drifted. */
type Check<T extends true> = T;
type Item<A> = A extends readonly (infer E)[] ? E : never;

type ArticleBody = ApiBody<'/api/articles/{id}'>;
type AnalysisBody = ArticleBody['analysis'];
type StoryBody = ApiBody<'/api/stories/{id}'>;
type EntityBody = ApiBody<'/api/entities/{id}'>;
type PlacesBody = ApiBody<'/api/places'>;
type AlertsBody = ApiBody<'/api/alerts'>;
/** POST /api/stories/{id}/watch's 201 answer. */
type WatchBody = paths['/api/stories/{id}/watch']['post'] extends
  { responses: { 201: { content: infer C } } } ? C[keyof C] : never;

export type ContractChecks = [
  // Bodies, as `api` in src/api.ts types them.
  Check<Conforms<ApiBody<'/api/stories'>, Page<StorySummary>>>,
  Check<Conforms<StoryBody, StoryDetail>>,
  Check<Conforms<ArticleBody, Article>>,
  Check<Conforms<ApiBody<'/api/search'>, SearchResult>>,
  Check<Conforms<ApiBody<'/api/outlets'>, { items: { outlet: string; articles: number }[] }>>,
  Check<Conforms<AlertsBody, { items: SavedSearch[] }>>,
  Check<Conforms<ApiBody<'/api/entities'>, Page<Entity>>>,
  Check<Conforms<EntityBody, EntityDetail>>,
  Check<Conforms<ApiBody<'/api/events'>, Page<EventRow>>>,
  Check<Conforms<ApiBody<'/api/timeline'>, { bucket: string; items: TimelineBucket[] }>>,
  Check<Conforms<PlacesBody, { type: 'FeatureCollection'; features: PlaceFeature[] }>>,
  Check<Conforms<ApiBody<'/api/outlets/{name}/profile'>, OutletProfile>>,
  Check<Conforms<WatchBody, StoryWatch>>,
  // Named parts, so that an optional field of the UI the spec lacks is caught too.
  Check<Conforms<Schemas['Span'], Span>>,
  Check<Conforms<Schemas['StorySummary'], StorySummary>>,
  Check<Conforms<Item<StoryBody['related']>, RelatedStory>>,
  Check<Conforms<NonNullable<StoryBody['thread']>, StoryThread>>,
  Check<Conforms<ApiBody<'/api/threads/{id}'>, ThreadPage>>,
  Check<Conforms<Schemas['ArticleMeta'], ArticleMeta>>,
  Check<Conforms<Schemas['SearchHit'], SearchHit>>,
  Check<Conforms<Schemas['Entity'], Entity>>,
  Check<Conforms<Schemas['EventRow'], EventRow>>,
  Check<Conforms<Schemas['Analysis'], Analysis>>,
  Check<Conforms<Item<AnalysisBody['entities']>, EntityMention>>,
  Check<Conforms<Schemas['NumberMention'], NumberMention>>,
  Check<Conforms<Item<AnalysisBody['dates']>, DateMention>>,
  Check<Conforms<Item<AnalysisBody['quotes']>, Quote>>,
  Check<Conforms<Item<AnalysisBody['events']>, EventInfo>>,
  Check<Conforms<Item<AnalysisBody['claims']>, ClaimInfo>>,
  Check<Conforms<Item<AlertsBody['items']>, SavedSearch>>,
  Check<Conforms<Item<Item<AlertsBody['items']>['latest']>, Item<SavedSearch['latest']>>>,
  Check<Conforms<Item<EntityBody['variants']>, Item<EntityDetail['variants']>>>,
  Check<Conforms<Item<EntityBody['related']>, Item<EntityDetail['related']>>>,
  Check<Conforms<Item<EntityBody['articles']['items']>, Item<EntityDetail['articles']['items']>>>,
  Check<Conforms<Item<PlacesBody['features']>, PlaceFeature>>,
  Check<Conforms<Item<PlacesBody['features']>['properties'], PlaceFeature['properties']>>,
  Check<Conforms<Item<ApiBody<'/api/timeline'>['items']>, TimelineBucket>>,
];
