// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * Adds migrations that every store opened afterwards applies (after the
 * collector's own). Registering the same namespace and version twice is a
 * mistake and throws, unless it is the very same migration object.
 * @param {Migration[]} migrations
 */
export function registerMigrations(migrations: Migration[]): void;
/**
 * Every migration a store applies, in order: the collector's own, then the
 * registered ones and `extra`, each namespace in version order.
 * @param {Migration[]} [extra]
 * @returns {Migration[]}
 */
export function allMigrations(extra?: Migration[]): Migration[];
/**
 * Applies what is missing, in one IMMEDIATE transaction (the write lock is
 * taken before anything is read, so a second process waits its turn).
 * @param {import('better-sqlite3').Database} db
 * @param {Migration[]} migrations
 * @returns {string[]} what was applied, as `namespace vN name`
 */
export function migrateSqlite(db: import("better-sqlite3").Database, migrations: Migration[]): string[];
/**
 * Applies what is missing in one transaction that first takes an advisory
 * lock, so collectors starting together apply each migration once.
 * @param {import('pg').PoolClient} client
 * @param {Migration[]} migrations
 * @returns {Promise<string[]>}
 */
export function migratePostgres(client: import("pg").PoolClient, migrations: Migration[]): Promise<string[]>;
/**
 * @typedef {object} Migration
 * @property {string} namespace the module that owns the tables, e.g. `alerts`
 * @property {number} version 1, 2, 3 … within the namespace
 * @property {string} name what it does, for the record
 * @property {string | ((db: import('better-sqlite3').Database) => void)} sqlite
 * @property {string | ((client: import('pg').PoolClient) => Promise<void>)} postgres
 */
/** The collector's own tables come first; other namespaces follow in the order they registered. */
export const CORE_NAMESPACE: "feedback";
export const MIGRATION_LOCK_KEY: "7378415080697848683";
/** @type {Migration[]} */
export const CORE_MIGRATIONS: Migration[];
export type Migration = {
    /**
     * the module that owns the tables, e.g. `alerts`
     */
    namespace: string;
    /**
     * 1, 2, 3 … within the namespace
     */
    version: number;
    /**
     * what it does, for the record
     */
    name: string;
    sqlite: string | ((db: import("better-sqlite3").Database) => void);
    postgres: string | ((client: import("pg").PoolClient) => Promise<void>);
};
