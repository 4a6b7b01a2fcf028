// Which stored events count as answers on the results page.

/** @typedef {import('../../src/context/event.js').FeedbackEvent} FeedbackEvent */

/**
 * A visitor who changes their mind sends a new rating or feeling event each
 * time (every one is kept, so nothing is lost); the answer that counts is the
 * latest per widget and session. Comments and callback requests all count.
 * Returns the events in the order given (the collector lists newest first).
 *
 * @param {FeedbackEvent[]} events
 * @returns {FeedbackEvent[]}
 */
export function latestAnswers(events) {
  const newest = new Map();
  for (const event of events) {
    if (event.type !== 'rating' && event.type !== 'feeling') continue;
    const key = JSON.stringify([event.type, event.widget, event.context?.sessionId ?? event.id]);
    const kept = newest.get(key);
    if (!kept || Date.parse(event.createdAt) > Date.parse(kept.createdAt)) newest.set(key, event);
  }
  const counted = new Set(newest.values());
  return events.filter((event) => (event.type !== 'rating' && event.type !== 'feeling') || counted.has(event));
}
