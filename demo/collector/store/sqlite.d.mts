// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * Opens (creating when needed) the SQLite file at `path` and brings its
 * schema up to date.
 *
 * Durability: WAL with `synchronous = FULL`, so a batch the collector answered
 * 2xx for has reached the disk, and a crash mid-batch leaves either the whole
 * transaction or none of it.
 *
 * @param {{ dbPath: string, migrations?: import('./migrations.mjs').Migration[], log?: (line: string) => void }} options
 * @returns {Promise<FeedbackStore & { path: string, db: import('better-sqlite3').Database }>}
 */
export function openSqliteStore({ dbPath, migrations, log }: {
    dbPath: string;
    migrations?: import("./migrations.mjs").Migration[];
    log?: (line: string) => void;
}): Promise<FeedbackStore & {
    path: string;
    db: import("better-sqlite3").Database;
}>;
export type FeedbackStore = import("./index.mjs").FeedbackStore;
