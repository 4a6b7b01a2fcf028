// What an alert says, and the two shapes it is posted in: Slack-compatible (text + blocks,
// the default) and plain JSON. Pure functions of the answer; personal data only for call backs.

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
export function buildAlert(event, { reason, receivedAt, inboxUrl, comment, repliesTo }) {
  /** @type {Alert['what']} */
  const what = {};
  for (const source of [repliesTo, event]) {
    if (source?.feeling) {
      what.feeling = source.feeling.id;
      what.score = source.feeling.score;
    }
    if (source?.rating) what.rating = `${source.rating.value} (${source.rating.scale} ${source.rating.min}–${source.rating.max})`;
  }
  if (event.callback?.topic) what.comment = event.callback.topic;
  if (comment) what.comment = comment;
  const vitals = Object.fromEntries(Object.entries(event.context.vitals ?? {}).map(([name, vital]) => [name, vital?.rating ?? '']));
  return {
    id: event.id,
    reason,
    type: event.type,
    widget: event.widget,
    receivedAt,
    who: event.callback
      ? {
          name: event.callback.name,
          phone: event.callback.phone,
          window: event.callback.window,
          timeZone: event.callback.timeZone,
          topic: event.callback.topic,
        }
      : null,
    what,
    where: { url: event.context.url, vitals },
    link: `${inboxUrl}#item-${event.id}`,
  };
}

/** Slack treats `&`, `<` and `>` as markup; everything a visitor typed is escaped. */
function slackText(/** @type {string} */ text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** @param {Alert} alert */
function summaryLine(alert) {
  const who = alert.who ? `${alert.who.name} asks for a call back` : `A visitor ${alert.reason}`;
  return `${who} on ${alert.widget}`;
}

/**
 * The Slack-compatible shape (incoming webhooks, and the many tools that accept it):
 * `text` for notifications and clients without blocks, `blocks` for the message.
 *
 * @param {Alert} alert
 */
export function slackPayload(alert) {
  const fields = [];
  if (alert.who) {
    fields.push(`*Name*\n${slackText(alert.who.name)}`, `*Phone*\n${slackText(alert.who.phone)}`);
    // The zone is empty when the visitor's browser could not say.
    fields.push(`*When*\n${slackText(alert.who.window)} (${alert.who.timeZone ? slackText(alert.who.timeZone) : 'time zone unknown'})`);
  }
  if (alert.what.feeling) fields.push(`*Feeling*\n${slackText(alert.what.feeling)} (${alert.what.score})`);
  if (alert.what.rating) fields.push(`*Rating*\n${slackText(alert.what.rating)}`);
  const vitals = Object.entries(alert.where.vitals)
    .map(([name, rating]) => `${name} ${rating}`)
    .join(', ');
  /** @type {object[]} */
  const blocks = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${slackText(summaryLine(alert))}* (${slackText(alert.reason)})` } },
  ];
  if (fields.length) blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) });
  if (alert.what.comment) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `> ${slackText(alert.what.comment).replace(/\n/g, '\n> ')}` } });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${slackText(alert.where.url)}${vitals ? ` · Web Vitals: ${slackText(vitals)}` : ''}` }],
  });
  blocks.push({
    type: 'actions',
    elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in inbox' }, url: alert.link }],
  });
  return { text: `${slackText(summaryLine(alert))}: ${slackText(alert.reason)}. ${alert.link}`, blocks };
}

/**
 * The plain JSON shape, for receivers of your own.
 * @param {Alert} alert
 */
export function jsonPayload(alert) {
  return { type: 'feelback.alert', v: 1, alert };
}
