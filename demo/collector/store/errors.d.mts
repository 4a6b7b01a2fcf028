// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * The store cannot start with the configuration it was given (a bad
 * `DATABASE_URL`, a database that cannot be reached). The message names the
 * variable and says what to fix; it is meant to be printed without a stack.
 */
export class StoreConfigError extends Error {
    /** @param {string} message */
    constructor(message: string);
    code: string;
}
/**
 * The database is unreachable for now (PostgreSQL stopped or restarting, the
 * network gone, SQLite locked past its busy timeout). Nothing was stored; the
 * HTTP layer answers 503 with `Retry-After`, and the store reconnects by itself.
 */
export class StoreUnavailableError extends Error {
    /** @param {string} message @param {unknown} [cause] */
    constructor(message: string, cause?: unknown);
    code: string;
}
