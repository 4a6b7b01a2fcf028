// Types for rate-limit.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs demo/http/*.mjs
/**
 * Reads a rate written `<count>/<window>`: `60/1m`, `5/1h`, `10/30s`.
 * `off` turns a limit off (returns `undefined`).
 *
 * @param {string} text
 * @returns {Rate | undefined}
 * @throws {RangeError} when the text is not a rate
 */
export function parseRate(text: string): Rate | undefined;
/** @param {Rate} rate */
export function describeRate({ capacity, windowMs }: Rate): string;
/**
 * @param {Rate | undefined} rate `undefined`: no limit, every take succeeds
 * @param {{ now?: () => number, maxClients?: number }} [options]
 */
export function createRateLimiter(rate: Rate | undefined, { now, maxClients }?: {
    now?: () => number;
    maxClients?: number;
}): {
    rate: Rate | undefined;
    /**
     * Takes `cost` tokens from `key`'s bucket, or none when it holds fewer.
     * A cost above the capacity is charged as the capacity, so it can pass.
     * @param {string} key
     * @param {number} [cost]
     * @returns {TakeResult}
     */
    take(key: string, cost?: number): TakeResult;
    readonly size: number;
};
export type Rate = {
    /**
     * tokens a full bucket holds (the burst)
     */
    capacity: number;
    /**
     * time to refill an empty bucket completely
     */
    windowMs: number;
};
export type TakeResult = {
    ok: true;
} | {
    ok: false;
    retryAfterSeconds: number;
};
export type RateLimiter = ReturnType<typeof createRateLimiter>;
