// Types for config.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('../app.mjs').DemoServerOptions & { port: number, host: string }}
 */
export function readConfig(env: NodeJS.ProcessEnv): import("../app.mjs").DemoServerOptions & {
    port: number;
    host: string;
};
/**
 * The collector's settings from the environment, each checked with a message
 * that names the variable. See docs/collector.md, "Security".
 */
export class ConfigError extends Error {
}
/** Defaults, also used by `startDemoServer` when an option is left out. */
export const DEFAULT_LIMITS: Readonly<{
    /** Every request, per client. */
    requests: "600/1m";
    /** `POST /api/feedback`, per client. */
    feedback: "120/1m";
    /** Callback requests (events), per client: each is a person's name and phone number. */
    callback: "5/1h";
    /** Sign-in attempts and wrong tokens, per client. */
    signin: "10/15m";
}>;
export const DEFAULT_TIMEOUTS: Readonly<{
    /** From connecting to the end of the request headers. */
    headersMs: 10000;
    /** From connecting to the end of the request body. */
    requestMs: 30000;
    /** An idle keep-alive connection is closed after this. */
    keepAliveMs: 5000;
}>;
export const DEFAULT_CONNECTIONS: Readonly<{
    max: 1000;
    perClient: 50;
}>;
export const DEFAULT_MAX_HEADER_BYTES: number;
