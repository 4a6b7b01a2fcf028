// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/** @param {unknown} error */
export function isUnavailable(error: unknown): boolean;
/**
 * Reads DATABASE_URL, or says in one sentence what is wrong with it. The
 * password never appears in a message.
 * @param {string} databaseUrl
 */
export function parseDatabaseUrl(databaseUrl: string): {
    where: string;
    user: string;
    database: string;
    shown: string;
};
/**
 * Connects, checks the connection once (a typo or a stopped server is one
 * clear StoreConfigError here, not a failure on the first answer), and brings
 * the schema up to date under an advisory lock.
 *
 * @param {{ databaseUrl: string, poolSize?: number, migrations?: import('./migrations.mjs').Migration[], log?: (line: string) => void }} options
 * @returns {Promise<FeedbackStore & { pool: import('pg').Pool }>}
 */
export function openPostgresStore({ databaseUrl, poolSize, migrations, log }: {
    databaseUrl: string;
    poolSize?: number;
    migrations?: import("./migrations.mjs").Migration[];
    log?: (line: string) => void;
}): Promise<FeedbackStore & {
    pool: import("pg").Pool;
}>;
export namespace POSTGRES_TIMEOUTS {
    let connectMs: number;
    let queryMs: number;
}
export type FeedbackStore = import("./index.mjs").FeedbackStore;
