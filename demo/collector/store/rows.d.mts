// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * Any rating or feeling on one 0–100 scale, so different widgets can be
 * averaged together (the results page's "sentiment against performance").
 * Feeling scores are clamped to the built-in −2…+2.
 * @param {CanonicalEvent} event
 * @returns {number | null}
 */
export function satisfaction(event: CanonicalEvent): number | null;
/**
 * @param {CanonicalEvent} event
 * @param {number} receivedAt milliseconds since the epoch, the server's clock
 * @returns {Record<typeof EVENT_COLUMNS[number], string | number | null>}
 */
export function eventRow(event: CanonicalEvent, receivedAt: number): Record<(typeof EVENT_COLUMNS)[number], string | number | null>;
/**
 * A stored event as the read API returns it: the canonical event and the
 * server's `receivedAt`.
 * @param {{ body: string, received_at: number | string }} row
 * @returns {import('./index.mjs').StoredEvent}
 */
export function storedEvent(row: {
    body: string;
    received_at: number | string;
}): import("./index.mjs").StoredEvent;
/**
 * Keeps the first of each id (ids are lower-cased by the validator), so a
 * batch that repeats an event stores it once.
 * @param {CanonicalEvent[]} events
 */
export function uniqueById(events: CanonicalEvent[]): import("../validate.mjs").CanonicalEvent[];
/** The server's receive time as stored: whole milliseconds since the epoch. @param {string | Date | number} receivedAt */
export function receivedAtMs(receivedAt: string | Date | number): number;
/** @typedef {import('../validate.mjs').CanonicalEvent} CanonicalEvent */
/** Columns written on insert, in this order (both stores). */
export const EVENT_COLUMNS: readonly ["id", "type", "widget", "session_id", "created_at", "received_at", "rating_scale", "rating_value", "rating_min", "rating_max", "feeling_id", "satisfaction", "lcp_rating", "inp_rating", "launcher_id", "body"];
export type CanonicalEvent = import("../validate.mjs").CanonicalEvent;
