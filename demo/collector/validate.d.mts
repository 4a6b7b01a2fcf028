// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * Removes control characters and lone surrogates.
 * @param {string} text
 * @param {{ multiline?: boolean }} [options] keep tabs and line breaks (free text)
 */
export function cleanText(text: string, { multiline }?: {
    multiline?: boolean;
}): string;
/**
 * A real ISO 8601 date-time (no 30 February, no hour 25), returned in UTC as
 * `Date#toISOString()` writes it, so text order is time order.
 * @param {unknown} value @param {string} field @returns {string}
 */
export function isoDateTime(value: unknown, field: string): string;
/**
 * One event, checked and rebuilt from wire-format fields only.
 * @param {unknown} value @param {string} field
 * @returns {CanonicalEvent}
 */
export function canonicalEvent(value: unknown, field?: string): CanonicalEvent;
/**
 * Checks a parsed request body against wire format v1. A batch is all or
 * nothing: one bad event rejects the request, and the answer names it.
 * The events come back canonical (see the top of this file).
 *
 * @param {unknown} body
 * @returns {BatchCheck}
 */
export function validateBatch(body: unknown): BatchCheck;
/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */
/** @typedef {import('../../src/context/event.js').FeedbackBatch} FeedbackBatch */
/**
 * A wire-format event as the collector stores it. The launcher's `shown` and
 * `dismissed` events (DESIGN §4, §7) carry `launcher`.
 * @typedef {Omit<FeedbackEvent, 'type'> & {
 *   type: EventType,
 *   launcher?: { id: string, display: string, trigger: string, reason?: string },
 * }} CanonicalEvent
 */
/**
 * @typedef {{ ok: true, batch: { v: 1, sentAt: string, events: CanonicalEvent[] } }
 *   | { ok: false, field: string, message: string }} BatchCheck
 */
export const EVENT_TYPES: readonly ["rating", "feeling", "comment", "callback", "shown", "dismissed"];
/** @typedef {typeof EVENT_TYPES[number]} EventType */
/** Event types that are a visitor's answer (counted once per visitor, widget and type on the results page). */
export const ANSWER_TYPES: readonly ["rating", "feeling"];
export const VITAL_NAMES: readonly ["LCP", "INP", "CLS", "FCP", "TTFB"];
export const VITAL_RATINGS: readonly ["good", "needs-improvement", "poor"];
export const LAUNCHER_DISPLAYS: readonly ["popover", "modal", "tab", "inline"];
export namespace LIMITS {
    let eventsPerBatch: number;
    let name: number;
    let url: number;
    let commentText: number;
    let callbackName: number;
    let callbackTopic: number;
    let metadata: number;
    let metadataDepth: number;
    let depth: number;
}
export type FeedbackEvent = import("../../src/context/event.js").FeedbackEvent;
export type FeedbackBatch = import("../../src/context/event.js").FeedbackBatch;
/**
 * A wire-format event as the collector stores it. The launcher's `shown` and
 * `dismissed` events (DESIGN §4, §7) carry `launcher`.
 */
export type CanonicalEvent = Omit<FeedbackEvent, "type"> & {
    type: EventType;
    launcher?: {
        id: string;
        display: string;
        trigger: string;
        reason?: string;
    };
};
export type BatchCheck = {
    ok: true;
    batch: {
        v: 1;
        sentAt: string;
        events: CanonicalEvent[];
    };
} | {
    ok: false;
    field: string;
    message: string;
};
export type EventType = (typeof EVENT_TYPES)[number];
