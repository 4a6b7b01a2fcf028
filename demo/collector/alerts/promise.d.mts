// Types for promise.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/**
 * @typedef {object} CallPromise
 * @property {string} window the visitor's choice, e.g. `afternoon`
 * @property {string} timeZone the zone the window was read in (the visitor's, or UTC when theirs is unknown)
 * @property {string | null} from ISO start of the promised window (null for asap)
 * @property {string} by ISO end: a call after this breaks the promise
 */
/**
 * The first window of the chosen kind that had not ended when the request arrived.
 *
 * @param {{ window: string, timeZone: string }} callback
 * @param {string} receivedAt ISO
 * @returns {CallPromise}
 */
export function callPromise({ window, timeZone }: {
    window: string;
    timeZone: string;
}, receivedAt: string): CallPromise;
/** The hours each window stands for, in the visitor's time zone (documented in docs/collector.md, "Alerts"). */
export const CALL_WINDOWS: Readonly<{
    morning: {
        from: number;
        to: number;
    };
    afternoon: {
        from: number;
        to: number;
    };
    evening: {
        from: number;
        to: number;
    };
}>;
/** "As soon as possible" is kept when the call comes within this long. */
export const ASAP_MS: number;
export type CallPromise = {
    /**
     * the visitor's choice, e.g. `afternoon`
     */
    window: string;
    /**
     * the zone the window was read in (the visitor's, or UTC when theirs is unknown)
     */
    timeZone: string;
    /**
     * ISO start of the promised window (null for asap)
     */
    from: string | null;
    /**
     * ISO end: a call after this breaks the promise
     */
    by: string;
};
