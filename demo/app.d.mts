// Types for app.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * Starts the demo: the demo page, the results page and the reference
 * collector, backed by a SQLite file. See docs/collector.md.
 *
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export function startDemoServer({ port, host, dbPath, databaseUrl, corsOrigins, adminToken, allowedHosts, trustProxy, rateLimits, timeouts, connections, maxHeaderBytes, retention, retentionIntervalMs, alerts: alertOptions, log, }?: DemoServerOptions): Promise<DemoServer>;
export type RateLimits = {
    /**
     * every request, per client
     */
    requests?: string | import("./http/rate-limit.mjs").Rate | null | undefined;
    /**
     * `POST /api/feedback`, per client
     */
    feedback?: string | import("./http/rate-limit.mjs").Rate | null | undefined;
    /**
     * callback requests (events), per client
     */
    callback?: string | import("./http/rate-limit.mjs").Rate | null | undefined;
    /**
     * sign-in attempts and wrong tokens, per client
     */
    signin?: string | import("./http/rate-limit.mjs").Rate | null | undefined;
};
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
     * origins allowed to post answers from another site
     */
    corsOrigins?: string[] | undefined;
    /**
     * the token that reads answers; made up (and returned) when left out
     */
    adminToken?: string | undefined;
    /**
     * `Host` values served; default the bound host and the loopback names, with the port
     */
    allowedHosts?: string[] | undefined;
    /**
     * take the client address and scheme from `X-Forwarded-For`/`-Proto` (behind a reverse proxy only)
     */
    trustProxy?: boolean | undefined;
    /**
     * `<count>/<window>` strings (e.g. `60/1m`), or null for no limit
     */
    rateLimits?: RateLimits | undefined;
    timeouts?: {
        headersMs?: number;
        requestMs?: number;
        keepAliveMs?: number;
    } | undefined;
    /**
     * open connections, in all and per client
     */
    connections?: {
        max?: number;
        perClient?: number;
    } | undefined;
    /**
     * larger request headers are answered 431; default 16 KB
     */
    maxHeaderBytes?: number | undefined;
    /**
     * passed to the store's `expire()`
     */
    retention?: {
        retentionDays?: number;
        personalDataDays?: number;
    } | undefined;
    /**
     * how often expiry runs; default hourly
     */
    retentionIntervalMs?: number | undefined;
    /**
     * alerts and the inbox; default: `readAlertConfig({})` (the built-in receiver)
     */
    alerts?: AlertOptions | undefined;
    /**
     * default: nothing
     */
    log?: ((line: string) => void) | undefined;
};
export type AlertOptions = {
    /**
     * from `readAlertConfig(process.env)`
     */
    config?: import("./collector/alerts/config.mjs").AlertConfig | undefined;
    /**
     * how webhooks are posted (tests)
     */
    fetch?: typeof fetch | undefined;
    /**
     * how often the outbox is looked at for due alerts; default 1 s
     */
    pollMs?: number | undefined;
    /**
     * ms before retrying a failed webhook; default exponential from 5 s
     */
    retryDelay?: ((attempts: number) => number) | undefined;
};
export type DemoServer = {
    /**
     * e.g. http://127.0.0.1:8080
     */
    url: string;
    port: number;
    /**
     * the token for `Authorization: Bearer` and the sign-in page
     */
    adminToken: string;
    /**
     * whether the token was made up because none was given
     */
    adminTokenGenerated: boolean;
    allowedHosts: string[];
    store: import("./collector/store/index.mjs").FeedbackStore;
    server: import("node:http").Server;
    /**
     * where alerts go, for the start-up banner
     */
    alertDestination: string;
    /**
     * stops the server and closes the database
     */
    close: () => Promise<void>;
};
export type RequestContext = {
    req: import("node:http").IncomingMessage;
    res: import("node:http").ServerResponse;
    url: URL;
    /**
     * the client's rate-limit key
     */
    client: string;
    /**
     * this site's origin as the request reached it
     */
    origin: string;
    https: boolean;
    auth: import("./http/auth.mjs").Authentication;
};
export type StaticRoute = {
    file: string;
    type: string;
    kind: import("./http/respond.mjs").ResponseKind;
    /**
     * only for the signed-in admin
     */
    admin?: boolean | undefined;
    /**
     * the message when the file is not there
     */
    missing?: string | undefined;
};
