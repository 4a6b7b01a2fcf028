// Types for app.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * @typedef {object} DemoServerOptions
 * @property {number} [port] default 8080; 0 picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dbPath] default ./data/feedback.sqlite
 * @property {string} [databaseUrl] postgres://…: store events in PostgreSQL instead of SQLite
 * @property {string[]} [corsOrigins] origins allowed to use the API from another site
 * @property {(line: string) => void} [log] default: nothing
 */
/**
 * @typedef {object} DemoServer
 * @property {string} url e.g. http://127.0.0.1:8080
 * @property {number} port
 * @property {import('./collector/store/index.mjs').FeedbackStore} store
 * @property {import('node:http').Server} server
 * @property {() => Promise<void>} close stops the server and closes the database
 */
/**
 * Starts the demo: the demo page, the results page and the reference
 * collector, backed by a SQLite file.
 *
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export function startDemoServer({ port, host, dbPath, databaseUrl, corsOrigins, log, }?: DemoServerOptions): Promise<DemoServer>;
export type DemoServerOptions = {
    /**
     * default 8080; 0 picks a free port
     */
    port?: number | undefined;
    /**
     * default 127.0.0.1
     */
    host?: string | undefined;
    /**
     * default ./data/feedback.sqlite
     */
    dbPath?: string | undefined;
    /**
     * postgres://…: store events in PostgreSQL instead of SQLite
     */
    databaseUrl?: string | undefined;
    /**
     * origins allowed to use the API from another site
     */
    corsOrigins?: string[] | undefined;
    /**
     * default: nothing
     */
    log?: ((line: string) => void) | undefined;
};
export type DemoServer = {
    /**
     * e.g. http://127.0.0.1:8080
     */
    url: string;
    port: number;
    store: import("./collector/store/index.mjs").FeedbackStore;
    server: import("node:http").Server;
    /**
     * stops the server and closes the database
     */
    close: () => Promise<void>;
};
