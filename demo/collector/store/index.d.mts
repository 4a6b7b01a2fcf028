// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/** @typedef {import('../validate.mjs').CanonicalEvent} CanonicalEvent */
/** @typedef {import('./migrations.mjs').Migration} Migration */
/**
 * A canonical event as stored, with the server's receive time. `redacted` is
 * set once retention has removed a callback request's name, phone and topic.
 * @typedef {CanonicalEvent & { receivedAt: string, redacted?: true }} StoredEvent
 */
/**
 * @typedef {object} ListQuery
 * @property {string} [widget]
 * @property {string} [type]
 * @property {number} [limit] 1–1000, default 100
 * @property {string | null} [cursor] `nextCursor` of the previous page
 * @property {number} [maxBytes] stop before the page's JSON passes this (default 1 MB; one event always fits)
 */
/**
 * @typedef {Awaited<ReturnType<typeof import('./queries.mjs').results>>} ResultsSummary
 */
/**
 * @typedef {object} FeedbackStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {(events: CanonicalEvent[], options?: { receivedAt?: string | Date }) => Promise<{ stored: number, duplicates: number }>} insertBatch
 *   One transaction, resolved after commit; an id already stored (or repeated in the batch) is a duplicate, not an error.
 * @property {(query?: ListQuery) => Promise<{ events: StoredEvent[], nextCursor: string | null }>} listEvents
 *   Newest first by `receivedAt` (then id). A bad cursor rejects with `code: 'BAD_CURSOR'`.
 * @property {(options?: { widget?: string, since?: string | Date, now?: Date }) => Promise<ResultsSummary>} results
 *   The results page's aggregates, computed in SQL with bounded work and output.
 * @property {(request: { ids?: string[], sessionId?: string }) => Promise<{ deleted: number }>} deleteEvents
 *   Erasure: the events with these ids, and every event of this session.
 * @property {(options?: { now?: Date, retentionDays?: number, personalDataDays?: number }) => Promise<{ deleted: number, redacted: number }>} expire
 *   Retention: deletes old events; redacts callback requests' personal fields sooner.
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping resolves when the database answers
 * @property {import('./queries.mjs').Driver} driver runs `sql` queries, for collector modules with tables of their own
 * @property {() => Promise<void>} close
 */
/**
 * @typedef {object} StoreOptions
 * @property {string} [dbPath] SQLite file (or `:memory:`), used when `databaseUrl` is not set
 * @property {string} [databaseUrl] `postgres://…`: selects PostgreSQL
 * @property {number} [poolSize] PostgreSQL connections per collector process (default DATABASE_POOL_SIZE or 10)
 * @property {Migration[]} [migrations] further migrations for this store (see migrations.mjs)
 * @property {(line: string) => void} [log]
 */
/**
 * Opens the store the configuration names and brings its schema up to date.
 * Rejects with a `StoreConfigError` (print its message; no stack) when
 * DATABASE_URL is malformed or its database cannot be reached.
 *
 * @param {StoreOptions} options
 * @returns {Promise<FeedbackStore>}
 */
export function openStore({ dbPath, databaseUrl, poolSize, migrations, log }?: StoreOptions): Promise<FeedbackStore>;
export { registerMigrations } from "./migrations.mjs";
export type CanonicalEvent = import("../validate.mjs").CanonicalEvent;
export type Migration = import("./migrations.mjs").Migration;
/**
 * A canonical event as stored, with the server's receive time. `redacted` is
 * set once retention has removed a callback request's name, phone and topic.
 */
export type StoredEvent = CanonicalEvent & {
    receivedAt: string;
    redacted?: true;
};
export type ListQuery = {
    widget?: string | undefined;
    type?: string | undefined;
    /**
     * 1–1000, default 100
     */
    limit?: number | undefined;
    /**
     * `nextCursor` of the previous page
     */
    cursor?: string | null | undefined;
    /**
     * stop before the page's JSON passes this (default 1 MB; one event always fits)
     */
    maxBytes?: number | undefined;
};
export type ResultsSummary = Awaited<ReturnType<typeof import("./queries.mjs").results>>;
export type FeedbackStore = {
    kind: "sqlite" | "postgres";
    /**
     *   One transaction, resolved after commit; an id already stored (or repeated in the batch) is a duplicate, not an error.
     */
    insertBatch: (events: CanonicalEvent[], options?: {
        receivedAt?: string | Date;
    }) => Promise<{
        stored: number;
        duplicates: number;
    }>;
    /**
     *   Newest first by `receivedAt` (then id). A bad cursor rejects with `code: 'BAD_CURSOR'`.
     */
    listEvents: (query?: ListQuery) => Promise<{
        events: StoredEvent[];
        nextCursor: string | null;
    }>;
    /**
     *   The results page's aggregates, computed in SQL with bounded work and output.
     */
    results: (options?: {
        widget?: string;
        since?: string | Date;
        now?: Date;
    }) => Promise<ResultsSummary>;
    /**
     *   Erasure: the events with these ids, and every event of this session.
     */
    deleteEvents: (request: {
        ids?: string[];
        sessionId?: string;
    }) => Promise<{
        deleted: number;
    }>;
    /**
     *   Retention: deletes old events; redacts callback requests' personal fields sooner.
     */
    expire: (options?: {
        now?: Date;
        retentionDays?: number;
        personalDataDays?: number;
    }) => Promise<{
        deleted: number;
        redacted: number;
    }>;
    count: () => Promise<number>;
    /**
     * resolves when the database answers
     */
    ping: () => Promise<void>;
    /**
     * runs `sql` queries, for collector modules with tables of their own
     */
    driver: import("./queries.mjs").Driver;
    close: () => Promise<void>;
};
export type StoreOptions = {
    /**
     * SQLite file (or `:memory:`), used when `databaseUrl` is not set
     */
    dbPath?: string | undefined;
    /**
     * `postgres://…`: selects PostgreSQL
     */
    databaseUrl?: string | undefined;
    /**
     * PostgreSQL connections per collector process (default DATABASE_POOL_SIZE or 10)
     */
    poolSize?: number | undefined;
    /**
     * further migrations for this store (see migrations.mjs)
     */
    migrations?: import("./migrations.mjs").Migration[] | undefined;
    log?: ((line: string) => void) | undefined;
};
export { StoreConfigError, StoreUnavailableError } from "./errors.mjs";
export { LIST_BOUNDS, RESULT_BOUNDS } from "./queries.mjs";
