// GENERATED FILE: do not edit. The types of the marsad JSON API, made from
// docs/openapi.yaml by openapi-typescript: `cd web && npm run gen:api`
// (scripts/gen-api-types.mjs). ctest `api_types` fails when this file is stale;
// src/api_contract.ts checks the UI's own types against it.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and store size. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                            articles: number;
                            read_only: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stories, newest last_seen first. */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    offset?: components["parameters"]["offset"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of stories. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PageInfo"] & {
                            items: components["schemas"]["StorySummary"][];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One story with its articles' metadata and the outlet comparison. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The story. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            story: components["schemas"]["StorySummary"];
                            /** @description In published order. */
                            articles: components["schemas"]["ArticleMeta"][];
                            /**
                             * @description The newest related (not same) stories, at most 24, each with `relation`: how it
                             *     stands to this story in time: follow_up (began after this story's last day: an
                             *     inquiry, a retaliation, a session about it), earlier (ended before this story
                             *     began), concurrent (ran alongside it); and `in_thread`: whether it is in this
                             *     story's thread.
                             */
                            related: (components["schemas"]["StorySummary"] & {
                                /** @enum {string} */
                                relation: "follow_up" | "earlier" | "concurrent";
                                in_thread: boolean;
                            })[];
                            /** @description How many stories are linked as related in all. */
                            related_total: number;
                            /**
                             * @description The story's thread when it holds more than this story: its id, how many
                             *     stories it holds, and its newest 24 stories (this one among them, relation
                             *     "self"; the others with their relation in time to this story).
                             */
                            thread: {
                                id: number;
                                story_count: number;
                                stories: (components["schemas"]["StorySummary"] & {
                                    /** @enum {string} */
                                    relation: "self" | "follow_up" | "earlier" | "concurrent";
                                })[];
                            } | null;
                            /**
                             * @description Claims per outlet side by side, from src/facts (ComparisonToJson); null when the
                             *     build has no comparison stage. Spans inside it are UTF-8 byte offsets into the
                             *     named article's text, with begin16/end16 added. Shape: {outlets, matrix:
                             *     [{slot, cells: [{outlet, claims, claims_total?}]}], disagreements: [{slots,
                             *     kind, reason, claims, claims_total?}], disagreements_total, agreements}; each
                             *     claim has "disputed" (named by any disagreement). A long story is capped: the
                             *     50 main disagreements (denials first, then the widest) and 8 claims per cell
                             *     and per disagreement (half from each side); claims_total and
                             *     disagreements_total give the full counts. `marsad story --json` writes all.
                             *     The contested points (issue 22) are in "points": each point once per
                             *     story, ranked contested first; the page keeps the first 30
                             *     (points_total, contested_total give the counts).
                             */
                            comparison: ({
                                points?: components["schemas"]["ComparisonPoint"][];
                                points_total?: number;
                                contested_total?: number;
                            } & {
                                [key: string]: unknown;
                            }) | null;
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/threads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stories of a thread (a long-running topic), newest first.
         * @description `id` is the thread's id or the id of any of its stories. A story in no thread is a thread of
         *     one. Threads are made at ingest (issue 20); `marsad rethread` makes them for stories stored
         *     before marsad kept them.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the thread's stories. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The thread's id (its earliest story's). */
                            id: number;
                            total: number;
                            limit: number;
                            offset: number;
                            items: components["schemas"]["StorySummary"][];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A story's points with their claims over time (issue 27).
         * @description The comparison's points (contested first), each with `over_time`: every report holding one of its positions, in publication order (undated reports last), the first report of each position marked. Reports without an outlet are named in words ("وسيلة غير معروفة (التقرير 4)"). The story JSON's points carry the same `over_time`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Points listed (default 30, 1-1000); the totals count all. */
                    limit?: number;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The points. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            story: {
                                id: number;
                                title: string;
                            };
                            points: components["schemas"]["ComparisonPoint"][];
                            points_total: number;
                            contested_total: number;
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/brief": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The story's brief to hand on (issue 27), as `marsad brief` writes it.
         * @description The story, its contested points with every position (source, outlets, report count, earliest report) and each position's exact words linking to its report (URL, else its id), the agreements, the reports; Arabic, right to left. `html` is one page with inline styles only (paste into an email, print to PDF) served with its own Content-Security-Policy; `md` is Markdown inside `<div dir="rtl">`.
         */
        get: {
            parameters: {
                query?: {
                    format?: "html" | "md";
                    /** @description When present, sent as an attachment named brief-ID.html or brief-ID.md. */
                    download?: string;
                };
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The brief. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                        "text/markdown": string;
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stories/{id}/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Watch a story (issue 27) — an alert on its new contradictions.
         * @description Saves the alert `story-ID` of kind "positions" on this story, as `marsad alert add story-ID --contradictions --story ID` does: it fires (JSON Lines, webhook) when a later ingest or watch cycle brings a new position on a contested point that conflicts with another. Idempotent: watching a watched story answers 200 with `created` false. Allowed to readers (no ingest token needed: it saves an alert, not a report), but only as `Content-Type: application/json` (another site's form cannot send it without a preflight the server never grants; anything else is 415). The body is ignored (`{}`). 400 when an alert of that name exists and watches something else.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The story was already watched under this name. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoryWatch"];
                    };
                };
                /** @description The story is now watched. */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StoryWatch"];
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One article with clean text and analysis. */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: components["parameters"]["id"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The article. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ArticleMeta"] & {
                            /** @description Clean text; paragraphs separated by a blank line. */
                            text: string;
                            analysis: components["schemas"]["Analysis"];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Full-text search (Arabic analysis, BM25) with filters.
         * @description Query syntax: words (any spelling variant, clitics attached or not), "quoted phrases",
         *     prefix* terms, a leading `-` excludes a word. All terms must match (AND). A Latin name
         *     (e.g. `Ryabkov`) also matches its Arabic spellings. Empty `q` with at least one filter lists
         *     the filtered articles, newest first.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    /** @description exact outlet name */
                    outlet?: string;
                    /** @description inclusive ISO date */
                    from?: string;
                    /** @description inclusive ISO date */
                    to?: string;
                    story?: number;
                    /** @description entity id */
                    entity?: string;
                    /** @description PLOVER type */
                    event_type?: string;
                    limit?: components["parameters"]["limit"];
                    offset?: components["parameters"]["offset"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Hits, best first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PageInfo"] & {
                            query: string;
                            took_ms: number;
                            items: components["schemas"]["SearchHit"][];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outlets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outlets with article counts (for filter menus). */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All outlets, most articles first. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                outlet: string;
                                articles: number;
                                /** @description The outlet's Latin name from data/clean/outlets.tsv ("Asharq Al-Awsat"); null for an outlet not in the table. */
                                latin_name: string | null;
                                /** @description Its country, ISO 3166-1 alpha-2 ("GB"), from the same table; null for an outlet not in it. */
                                country: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outlets/{name}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An outlet's profile (issue 27).
         * @description What the outlet reported, whom it cites most, how long after a story's first report it reports it and how often its figures sit apart from the other outlets' on the same point. Every part reads a bounded sample, named in `sampled_stories`: the outlet's newest 5,000 stories; the stored analysis of its newest 2,000 reports (`cites`: the speakers of their quotations); the newest 500 of its stories that list at least two outlets (`delay`: the median hours between the story's first report and the outlet's first report in it, zone offsets applied; `first_reports`: stories it reported first); the newest 100 of those, of at most 200 reports each, compared as on the story page (`figures`: `points_held`, the points where the outlet holds a position; `points_apart`, those contested where one of its positions conflicts with a position another outlet or report carries; `share_apart` = apart / held, null when it holds none). Dates are the reports' `published` as stored.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The outlet as stored (its readers' name), URL-encoded; it may contain "/". */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The profile. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            outlet: string;
                            /** @description Its Latin name from data/clean/outlets.tsv; null for an outlet not in the table. */
                            latin_name: string | null;
                            /** @description Its country (ISO 3166-1 alpha-2) from the same table; null for one not in it. */
                            country: string | null;
                            reports: number;
                            first_report: string | null;
                            last_report: string | null;
                            /** @description Stories it has reports in. */
                            stories: number;
                            /** @description Its newest 10 stories (by its latest report in each). */
                            recent_stories: {
                                id: number;
                                title: string;
                                /** @description This outlet's reports in the story. */
                                reports: number;
                                last_report: string | null;
                                /** @description Outlets the story lists. */
                                outlets: number;
                            }[];
                            /** @description Top 10 sources, most quotations first: one per resolved entity (an unresolved name joined to the entity it is resolved to elsewhere), shown by its most frequent wording. */
                            cites: {
                                speaker: string;
                                entity_id: string | null;
                                quotes: number;
                            }[];
                            delay: {
                                stories: number;
                                median_hours: number | null;
                                first_reports: number;
                            };
                            figures: {
                                points_held: number;
                                points_apart: number;
                                share_apart: number | null;
                                /** @description Up to 10 compared stories with points apart. */
                                stories: {
                                    id: number;
                                    title: string;
                                    points: number;
                                }[];
                            };
                            sampled_stories: {
                                stories_read: number;
                                stories_cap: number;
                                reports_analysed: number;
                                reports_analysed_cap: number;
                                quotes: number;
                                shared_stories: number;
                                delay_cap: number;
                                compared: number;
                                compared_cap: number;
                                skipped_over_reports: number;
                                reports_per_story_cap: number;
                            };
                        };
                    };
                };
                /** @description No report of this outlet. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Saved searches (`marsad alert add`) and what they match.
         * @description One item per saved search, by name. `reported_up_to` is the largest article id the search has reported (alerts fire after each `marsad watch` poll for matches beyond it); `unreported` counts the matches not reported yet. `latest`: up to 5 of its best 200 matches, newest first. A store without saved searches (PostgreSQL) lists none.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description All saved searches. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                query: string;
                                /** @description outlet, from, to, story, entity, event_type (those set); kind "positions" for an alert on new contradictions (`marsad alert add --contradictions`, issue 27), which fires on new positions on contested points rather than on new matches */
                                filters: {
                                    [key: string]: string | number;
                                };
                                created_at: string;
                                reported_up_to: number;
                                matches: number;
                                unreported: number;
                                latest: {
                                    article_id: number;
                                    story_id: number | null;
                                    title: string;
                                    outlet: string;
                                    published: string;
                                    reported: boolean;
                                }[];
                            }[];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entities, most mentioned first. */
        get: {
            parameters: {
                query?: {
                    /** @description substring of the name */
                    q?: string;
                    type?: "PER" | "ORG" | "LOC" | "MISC";
                    limit?: components["parameters"]["limit"];
                    offset?: components["parameters"]["offset"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entities. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PageInfo"] & {
                            items: components["schemas"]["Entity"][];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One entity, its surface variants and the articles that mention it. */
        get: {
            parameters: {
                query?: {
                    limit?: components["parameters"]["limit"];
                    offset?: components["parameters"]["offset"];
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entity. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entity: components["schemas"]["Entity"];
                            /** @description Distinct surface forms, most frequent first. */
                            variants: {
                                text: string;
                                count: number;
                            }[];
                            articles: components["schemas"]["PageInfo"] & {
                                items: (components["schemas"]["ArticleMeta"] & {
                                    mentions: number;
                                })[];
                            };
                            /** @description Entities most often mentioned in the same articles. */
                            related: (components["schemas"]["Entity"] & {
                                shared_articles: number;
                            })[];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Extracted events, newest first. */
        get: {
            parameters: {
                query?: {
                    /** @description PLOVER type */
                    type?: string;
                    from?: string;
                    to?: string;
                    story?: number;
                    limit?: components["parameters"]["limit"];
                    offset?: components["parameters"]["offset"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PageInfo"] & {
                            items: components["schemas"]["EventRow"][];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Article and story counts per day. */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    /** @description only this story's articles */
                    story?: number;
                    /** @description only articles matching this search */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One bucket per day that has articles, in date order. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            bucket: "day";
                            items: {
                                /** Format: date */
                                date: string;
                                articles: number;
                                stories: number;
                            }[];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Places (LOC entities with coordinates) and located events, as GeoJSON.
         * @description With from/to, places are counted over the mentions of the reports published in the window (undated reports left out) and events are those whose day (the event's date, else its report's) is in it. Places come by mentions, most first; located events newest first, in the order of /api/events, so `limit` keeps the latest.
         */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    story?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A GeoJSON FeatureCollection (coordinates are [lon, lat]). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/geo+json": {
                            /** @enum {string} */
                            type: "FeatureCollection";
                            features: {
                                /** @enum {string} */
                                type: "Feature";
                                geometry: {
                                    /** @enum {string} */
                                    type: "Point";
                                    coordinates: [
                                        number,
                                        number
                                    ];
                                };
                                properties: {
                                    /** @enum {string} */
                                    kind: "place" | "event";
                                    /** @description kind=place */
                                    entity_id?: string;
                                    name: string;
                                    /** @description kind=place */
                                    mentions?: number;
                                    /** @description kind=place: events located here */
                                    events?: number;
                                    /** @description kind=event */
                                    article_id?: number;
                                    /** @description kind=event */
                                    plover?: string;
                                    /** @description kind=event */
                                    mode?: string;
                                    /** @description kind=event */
                                    date?: string;
                                };
                            }[];
                        };
                    };
                };
                default: components["responses"]["Error"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add documents (only when started with --ingest-token).
         * @description Each record is read as `marsad ingest` reads a JSON Lines or CSV record (one reader,
         *     src/ingest/fields.h): a field named by `marsad serve --field TARGET=NAME` first, then the
         *     documented name, then the names exports use. The documented fields, when present, must be
         *     strings (or null); other fields of any name and type may be present and are ignored unless
         *     read as below. A record is refused, by its index in `errors`, when it is not an object, a
         *     documented field is not a string, a part holds a NUL byte, `format` is neither txt nor
         *     html, or no text is found; the other records are stored.
         *
         *     | part | names read, in order (after a --field mapping) |
         *     |---|---|
         *     | text (required) | content, text, body, article, maintext |
         *     | title | title, headline |
         *     | outlet | outlet, source, src, site, publisher, source_name, website, domain (a string, or an object's `name`/`title`); none: the URL's host, named from data/clean/outlets.tsv |
         *     | url | url, link, href |
         *     | published | published, date, date_published, datePublished, published_at, publishedAt, pubDate, time, timestamp, created_at, date_extracted: ISO 8601, RFC 2822 (`Sun, 18 Feb 2018 21:35:43 +0400`) or Unix time in seconds or milliseconds (number or digits), stored as ISO 8601 |
         *     | author | author, byline, authors |
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        documents: ({
                            /** @description raw input (plain text or HTML per format) */
                            text?: string | null;
                            /**
                             * @default txt
                             * @enum {string|null}
                             */
                            format?: "txt" | "html" | null;
                            title?: string | null;
                            /** @description an outlet id (skynews) or name; shown by its Arabic name when data/clean/outlets.tsv knows it */
                            outlet?: string | null;
                            url?: string | null;
                            /** @description ISO 8601, RFC 2822 or Unix time; see the table above */
                            published?: string | null;
                        } & {
                            [key: string]: unknown;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Documents processed (at least one record was read, or none was sent). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description newly stored */
                            added: number;
                            /** @description already stored (same input) */
                            skipped: number;
                            /** @description refused records: those in errors and those the pipeline refused */
                            rejected: number;
                            errors: {
                                /** @description the record's position in documents */
                                index: number;
                                error: string;
                            }[];
                        };
                    };
                };
                /**
                 * @description The body is not an object with a `documents` array of at most 1000 records (an Error),
                 *     or no record could be read: then the per-record `errors` too.
                 */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"] & {
                            added?: number;
                            skipped?: number;
                            rejected?: number;
                            errors?: {
                                index: number;
                                error: string;
                            }[];
                        };
                    };
                };
                401: components["responses"]["Error"];
                403: components["responses"]["Error"];
                default: components["responses"]["Error"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        StoryWatch: {
            /** @description the alert, "story-ID" */
            name: string;
            story: number;
            /** @enum {string} */
            kind: "positions";
            /** @description false when the story was already watched */
            created: boolean;
        };
        Error: {
            error: {
                code: string;
                message: string;
            };
        };
        PageInfo: {
            total: number;
            limit: number;
            offset: number;
        };
        Span: {
            /** @description UTF-8 byte offset (inclusive) */
            begin: number;
            /** @description UTF-8 byte offset (exclusive) */
            end: number;
            /** @description UTF-16 code unit offset (inclusive) */
            begin16: number;
            /** @description UTF-16 code unit offset (exclusive) */
            end16: number;
        };
        /**
         * @description A point an analyst lines up across a story's sources (src/facts/compare.h): the
         *     incident's killed/injured/..., whether the attack happened, chemical-weapon use, what
         *     caused an explosion, crash or fire (about "weapon:cause": an accident against a
         *     deliberate act, positions valued "accident" or "deliberate"), who is
         *     responsible (a position of slot "responsibility:doer" is the doer a strike's own words
         *     name; it contests only a denial naming its party), military presence, and other points
         *     (about "other:control": control of a place; "other:election_fraud": fraud alleged or
         *     denied; "other:deliberate": whether a killing or shooting was meant, positions valued
         *     "deliberate" or "mistake"; "other:interception": whether missiles were intercepted,
         *     positions valued "intercepted" or "hit", a hit denied agreeing with an interception;
         *     "other:legality": whether an act or a building is lawful, positions valued "legal" or
         *     "illegal"; "other:talks": the outcome of talks, positions valued "agreed", "progress" or
         *     "failed", contested only at comparable times; "other:began": whether an act (a
         *     demolition, an eviction, a withdrawal) has begun, positions valued by the act's word,
         *     a later denial contesting an earlier beginning; "other:allegation": an allegation of an
         *     act that holds no one responsible for an attack (harassment, fraud, a detention),
         *     positions valued by the accused ("" when none is named) or "denied", shown only when the
         *     charge's words are in the story's titles, a denial contesting it only when it answers
         *     it: the accused denies, its words name the charge, or a bare denial in the same report).
         *     Contested when two positions
         *     really differ (figures from different sources at comparable times, apart by more than a
         *     quarter, of the same day's incident and population; assertion against denial; different
         *     parties held responsible; full against partial control). A toll that grows over time is
         *     a timeline, not a dispute; wider totals and parts of a toll are separate points.
         */
        ComparisonPoint: {
            /** @enum {string} */
            kind: "killed" | "injured" | "killed_or_injured" | "missing" | "arrested" | "kidnapped" | "occurred" | "weapon" | "responsibility" | "presence" | "other";
            /** @description Arabic label for readers, e.g. "قتلى", "المسؤولية". */
            label: string;
            /** @description The slot, e.g. "killed", "weapon:chemical", "killed:part". */
            about: string;
            /** @enum {string} */
            scope: "incident" | "wider";
            contested: boolean;
            /** @description A value that moved over time. */
            timeline: boolean;
            /** @description Claims over time (issue 27): each report holding a position of this point, in publication order (undated last); `first` marks a position's first report. */
            over_time?: {
                /** @description The report's publication time (ISO 8601). */
                at?: string | null;
                article: number;
                /** @description Readable; a report without an outlet is named in words. */
                outlet: string;
                /** @description Index into positions. */
                position: number;
                first: boolean;
                value: string;
                label: string;
                source: string;
                /** @description A figure's lower bound (null when not a figure). */
                min?: number | null;
                /** @description A figure's upper bound (null when open or not a figure). */
                max?: number | null;
            }[];
            reason?: string;
            /** @description Distinct sources holding a position. */
            sources?: number;
            /** @description Pairs of position indexes that differ. */
            conflicts: [
                number,
                number
            ][];
            positions: {
                /** @description "25", "~150", ">=20", "20-99", "used", "asserted", "partial", "denied" or the party held responsible. */
                value: string;
                /** @description Arabic rendering of the value. */
                label: string;
                slot: string;
                min?: number | null;
                max?: number | null;
                approximate?: boolean;
                /** @enum {string} */
                modality: "asserted" | "denied" | "alleged" | "hedged";
                /** @description The speaker; empty when the outlet says it itself. */
                source: string;
                outlets: string[];
                reports: number;
                articles: number[];
                /** @description Publication time of the earliest report. */
                first_seen?: string | null;
                first_article?: number;
                claims_total?: number;
                /** @description The claims (article, span with begin16/end16, text, speaker ...). */
                claims: {
                    [key: string]: unknown;
                }[];
            }[];
        };
        StorySummary: {
            id: number;
            title: string;
            first_seen: string | null;
            last_seen: string | null;
            article_count: number;
            outlets: string[];
            /**
             * @description The long-running topic (a war, an offensive, a negotiation) the story belongs to: the
             *     id of the thread's earliest story; the story's own id when it is in no thread (issue 20,
             *     src/story/threads.h). GET /api/threads/{id} lists a thread's stories.
             */
            thread: number;
        };
        /** @description Metadata (src/base/document_json.h MetadataToJson); absent values are null. */
        ArticleMeta: {
            id: number;
            source: string;
            format: string;
            /** @description The input encoding, e.g. "UTF-8", "windows-1256". */
            encoding: string | null;
            outlet: string | null;
            agency: string | null;
            author: string | null;
            url: string | null;
            section: string | null;
            language: string | null;
            title: string | null;
            standfirst: string | null;
            published: string | null;
            modified: string | null;
            /** @description Words of the clean text (Arabic and Latin words, numbers, hashtags); null for an article stored before marsad counted them. */
            word_count: number | null;
            story: number | null;
            duplicate_of: number | null;
        };
        /**
         * @description AnalysisToJson (src/base/document_json.cc): arrays `numbers`, `dates`, `entities`, `quotes`,
         *     `events`, `claims`, `removed`. Every span-valued field (`span`, `content`, `cue`,
         *     `speaker_span`, `role_span`, `trigger`, `sentence`, `*_span`, `number.span`) is a Span with
         *     begin/end (UTF-8) and begin16/end16 (UTF-16).
         */
        Analysis: {
            entities: {
                span: components["schemas"]["Span"];
                /** @enum {string} */
                type: "PER" | "ORG" | "LOC" | "MISC";
                text: string;
                entity_id: string;
                canonical: string;
                /** @description With role_span, when a title or office is attached. */
                role?: string;
                role_span?: components["schemas"]["Span"];
                /** @description With lon, for a place with coordinates. */
                lat?: number;
                lon?: number;
            }[];
            numbers: components["schemas"]["NumberMention"][];
            dates: {
                span: components["schemas"]["Span"];
                /** @description ISO date as far as known; empty when unresolved. */
                value: string;
                precision: string;
                relative: boolean;
                /** @description Start of a range (absent when none). */
                begin?: string;
                /** @description End of a range (absent when none). */
                end?: string;
            }[];
            quotes: {
                span: components["schemas"]["Span"];
                content: components["schemas"]["Span"];
                cue: components["schemas"]["Span"];
                speaker_span: components["schemas"]["Span"];
                speaker: string;
                entity_id: string;
                via: string;
                direct: boolean;
                carried_over: boolean;
            }[];
            events: {
                plover: string;
                mode: string;
                acled_type: string;
                acled_subtype: string;
                trigger: components["schemas"]["Span"];
                sentence: components["schemas"]["Span"];
                actor: string;
                actor_span: components["schemas"]["Span"];
                target: string;
                target_span: components["schemas"]["Span"];
                location: string;
                location_span: components["schemas"]["Span"];
                weapon: string;
                weapon_span: components["schemas"]["Span"];
                date: string;
                date_span: components["schemas"]["Span"];
                casualties: {
                    kind: string;
                    number: components["schemas"]["NumberMention"];
                }[];
                modality: string;
                /** @description Index into quotes of the quotation it sits in; -1 when none. */
                quote: number;
            }[];
            claims: {
                slot: string;
                value: string;
                min: number;
                /** @description The upper bound; null when open (أكثر من 40). */
                max: number | null;
                approximate: boolean;
                speaker: string;
                modality: string;
                span: components["schemas"]["Span"];
                /** @description Index into events; -1 when none. */
                event: number;
                /**
                 * @description Of a casualty figure: the incident's own toll, a wider total, a part (بينهم 5 أطفال), an earlier toll or another happening. Absent in analyses stored before issue 22 round 5 (read as incident).
                 * @enum {string}
                 */
                scope?: "incident" | "wider" | "part" | "past" | "other";
            }[];
            /** @description Furniture removed by the cleaner, with the reason. */
            removed: {
                text: string;
                reason: string;
            }[];
        };
        NumberMention: {
            span: components["schemas"]["Span"];
            value: number;
            min: number;
            /** @description The upper bound; null when open (أكثر من 40, ما لا يقل عن 12). */
            max: number | null;
            approximate: boolean;
            /** @description Absent when the number has no unit. */
            unit?: string;
        };
        SearchHit: {
            article_id: number;
            story_id: number | null;
            title: string;
            outlet: string;
            published: string;
            /** @description higher is better (BM25 on SQLite, ts_rank on PostgreSQL, plus 1000 when every query word matches by its stem rather than only by its consonant skeleton) */
            score: number;
            /** @description an excerpt of the clean text, raw */
            snippet: string;
            /** @description Where the snippet sits in the clean text (UTF-8 bytes only). */
            snippet_span: {
                begin: number;
                end: number;
            };
            /** @description Matched words as spans into the article's clean text. */
            highlights: components["schemas"]["Span"][];
            /**
             * @description The highlights that fall inside the snippet, relative to the snippet string
             *     (begin/end UTF-8 bytes, begin16/end16 JS indices into `snippet`).
             */
            snippet_highlights: components["schemas"]["Span"][];
        };
        Entity: {
            id: string;
            name: string;
            /** @enum {string} */
            type: "PER" | "ORG" | "LOC" | "MISC";
            lat: number | null;
            lon: number | null;
            mention_count: number;
        };
        EventRow: {
            article_id: number;
            /** @description index into the article's analysis.events */
            idx: number;
            plover: string;
            mode: string;
            date: string | null;
            location: string | null;
            lat: number | null;
            lon: number | null;
            /** @description the article's title */
            title: string;
            outlet: string;
            story_id: number | null;
        };
    };
    responses: {
        /** @description An error. */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        id: number;
        limit: number;
        offset: number;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
