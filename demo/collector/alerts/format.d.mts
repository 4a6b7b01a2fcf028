// Types for format.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/** @typedef {import('../../../src/context/event.js').FeedbackEvent} FeedbackEvent */
/**
 * @typedef {object} Alert
 * @property {string} id the answer's event id: one alert per answer, and the receiver can dedupe on it
 * @property {string} reason why a person is needed, e.g. "feels angry"
 * @property {FeedbackEvent['type']} type
 * @property {string} widget
 * @property {string} receivedAt when the collector received the answer (ISO)
 * @property {{ name: string, phone: string, window: string, timeZone: string, topic: string } | null} who
 *   only for call back requests
 * @property {{ feeling?: string, score?: number, rating?: string, comment?: string }} what
 * @property {{ url: string, vitals: Record<string, string> }} where page, and each Web Vital's rating
 * @property {string} link the inbox item
 */
/**
 * @param {FeedbackEvent} event the answer that needs a person
 * @param {object} extra
 * @param {string} extra.reason
 * @param {string} extra.receivedAt
 * @param {string} extra.inboxUrl the inbox page's absolute URL
 * @param {string} [extra.comment] a comment that followed the answer
 * @param {FeedbackEvent} [extra.repliesTo] for a call back: the feeling or rating it follows
 * @returns {Alert}
 */
export function buildAlert(event: FeedbackEvent, { reason, receivedAt, inboxUrl, comment, repliesTo }: {
    reason: string;
    receivedAt: string;
    inboxUrl: string;
    comment?: string | undefined;
    repliesTo?: import("../../../src/context/event.js").FeedbackEvent | undefined;
}): Alert;
/**
 * The Slack-compatible shape (incoming webhooks, and the many tools that accept it):
 * `text` for notifications and clients without blocks, `blocks` for the message.
 *
 * @param {Alert} alert
 */
export function slackPayload(alert: Alert): {
    text: string;
    blocks: object[];
};
/**
 * The plain JSON shape, for receivers of your own.
 * @param {Alert} alert
 */
export function jsonPayload(alert: Alert): {
    type: string;
    v: number;
    alert: Alert;
};
export type FeedbackEvent = import("../../../src/context/event.js").FeedbackEvent;
export type Alert = {
    /**
     * the answer's event id: one alert per answer, and the receiver can dedupe on it
     */
    id: string;
    /**
     * why a person is needed, e.g. "feels angry"
     */
    reason: string;
    type: FeedbackEvent["type"];
    widget: string;
    /**
     * when the collector received the answer (ISO)
     */
    receivedAt: string;
    /**
     *   only for call back requests
     */
    who: {
        name: string;
        phone: string;
        window: string;
        timeZone: string;
        topic: string;
    } | null;
    what: {
        feeling?: string;
        score?: number;
        rating?: string;
        comment?: string;
    };
    /**
     * page, and each Web Vital's rating
     */
    where: {
        url: string;
        vitals: Record<string, string>;
    };
    /**
     * the inbox item
     */
    link: string;
};
