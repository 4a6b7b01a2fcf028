// Types for rules.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/**
 * Why a rating sits at the bottom of its scale, or `null`.
 *
 * NPS counts 0–6 as detractors (the method's own definition). Thumbs down is
 * the lowest of two. Every other scale runs from bad (low) to good (high), so
 * the bottom quarter of its range counts: 1–2 of 5 stars, CSAT and faces,
 * 1–2 of 7 for effort (CES), and the same share of a numeric range.
 *
 * @param {NonNullable<FeedbackEvent['rating']>} rating
 * @returns {string | null}
 */
export function lowRatingReason(rating: NonNullable<FeedbackEvent["rating"]>): string | null;
/**
 * Why `event` needs a person, or `null` when it does not.
 *
 * @param {FeedbackEvent} event
 * @param {AlertRules} [rules]
 * @returns {string | null}
 */
export function alertReason(event: FeedbackEvent, rules?: AlertRules): string | null;
/**
 * Reads the rules from the environment: `ALERT_ON` is a comma-separated list of
 * `callbacks`, `ratings` and feeling ids (default `callbacks,ratings,angry,frustrated`).
 *
 * @param {string | undefined} value
 * @returns {AlertRules}
 */
export function parseAlertRules(value: string | undefined): AlertRules;
/** @typedef {import('../../../src/context/event.js').FeedbackEvent} FeedbackEvent */
/**
 * @typedef {object} AlertRules
 * @property {boolean} callbacks every callback request
 * @property {string[]} feelings feeling ids that always need a person
 * @property {boolean} lowRatings ratings at the bottom of their scale
 */
/** @type {Readonly<AlertRules>} */
export const DEFAULT_ALERT_RULES: Readonly<AlertRules>;
export type FeedbackEvent = import("../../../src/context/event.js").FeedbackEvent;
export type AlertRules = {
    /**
     * every callback request
     */
    callbacks: boolean;
    /**
     * feeling ids that always need a person
     */
    feelings: string[];
    /**
     * ratings at the bottom of their scale
     */
    lowRatings: boolean;
};
