// Which answers need a person. Pure: no clock, no store, no network, so every rule is a table test.

/** @typedef {import('../../../src/context/event.js').FeedbackEvent} FeedbackEvent */

/**
 * @typedef {object} AlertRules
 * @property {boolean} callbacks every callback request
 * @property {string[]} feelings feeling ids that always need a person
 * @property {boolean} lowRatings ratings at the bottom of their scale
 */

/** @type {Readonly<AlertRules>} */
export const DEFAULT_ALERT_RULES = Object.freeze({
  callbacks: true,
  feelings: ['angry', 'frustrated'],
  lowRatings: true,
});

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
export function lowRatingReason(rating) {
  const { scale, value, min, max } = rating;
  if (scale === 'nps') return value <= 6 ? `NPS detractor (${value} of 10)` : null;
  if (scale === 'thumbs') return value <= min ? 'thumbs down' : null;
  if (!(max > min)) return null;
  const share = (value - min) / (max - min);
  return share <= 0.25 ? `${value} of ${max}${scale === 'numeric' ? '' : ` (${scale})`}` : null;
}

/**
 * Why `event` needs a person, or `null` when it does not.
 *
 * @param {FeedbackEvent} event
 * @param {AlertRules} [rules]
 * @returns {string | null}
 */
export function alertReason(event, rules = DEFAULT_ALERT_RULES) {
  switch (event.type) {
    case 'callback':
      return rules.callbacks ? 'call back requested' : null;
    case 'feeling':
      return event.feeling && rules.feelings.includes(event.feeling.id) ? `feels ${event.feeling.id}` : null;
    case 'rating':
      return event.rating && rules.lowRatings ? lowRatingReason(event.rating) : null;
    default:
      return null;
  }
}

/**
 * Reads the rules from the environment: `ALERT_ON` is a comma-separated list of
 * `callbacks`, `ratings` and feeling ids (default `callbacks,ratings,angry,frustrated`).
 *
 * @param {string | undefined} value
 * @returns {AlertRules}
 */
export function parseAlertRules(value) {
  if (value === undefined || value.trim() === '') return { ...DEFAULT_ALERT_RULES, feelings: [...DEFAULT_ALERT_RULES.feelings] };
  const words = value
    .split(',')
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  return {
    callbacks: words.includes('callbacks'),
    lowRatings: words.includes('ratings'),
    feelings: words.filter((word) => word !== 'callbacks' && word !== 'ratings'),
  };
}
