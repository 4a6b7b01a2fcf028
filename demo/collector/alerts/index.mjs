// Alerts and the inbox, wired for the collector: settings from the environment, the durable
// outbox in the store, the dispatcher, and the inbox's JSON API. See docs/collector.md, "Alerts".
import { readAlertConfig } from './config.mjs';
import { createAlertDispatcher } from './dispatcher.mjs';
import { INBOX_STATUSES, NOTE_MAX, storeInbox, storeOutbox } from './outbox-store.mjs';
import { callPromise } from './promise.mjs';

export { AlertConfigError } from './config.mjs';

/**
 * The demo's built-in receiver, used when ALERT_WEBHOOK_URL is not set: it answers like a webhook
 * and prints the alert's text in the live log, so a new user sees the loop work end to end.
 * @param {(line: string) => void} log
 * @returns {typeof fetch}
 */
function logReceiver(log) {
  return async (_url, init) => {
    const body = JSON.parse(String(init?.body ?? '{}'));
    log(`alert → ${body.text ?? JSON.stringify(body.alert)}`);
    return new Response(null, { status: 204 });
  };
}

/**
 * @param {object} options
 * @param {import('../store/index.mjs').FeedbackStore} options.store
 * @param {import('./config.mjs').AlertConfig} options.config from `readAlertConfig(process.env)`
 * @param {string} options.publicUrl the collector's own origin (after it listens), for the inbox links in alerts
 * @param {(line: string) => void} [options.log]
 * @param {typeof fetch} [options.fetch]
 * @param {number} [options.pollMs]
 * @param {(attempts: number) => number} [options.retryDelay] ms before the next attempt after a failed one
 */
export function startAlerts({ store, config, publicUrl, log = () => {}, fetch: request, pollMs, retryDelay }) {
  const outbox = storeOutbox(store);
  const inbox = storeInbox(store);
  const builtIn = config.url === null;
  const dispatcher = createAlertDispatcher({
    outbox,
    config,
    webhookUrl: config.url ?? 'http://127.0.0.1/built-in-receiver',
    inboxUrl: `${publicUrl}/inbox`,
    log,
    fetch: request ?? (builtIn ? logReceiver(log) : fetch),
    ...(pollMs === undefined ? {} : { pollMs }),
    ...(retryDelay === undefined ? {} : { retryDelay }),
  });
  dispatcher.start();

  return {
    /** Where alerts go, for the start-up banner. */
    // Only the origin: a webhook's path is often its credential (Slack's are), and banners end up in logs.
    destination:
      config.url === null
        ? 'the live log (built-in receiver; set ALERT_WEBHOOK_URL to send them on)'
        : `${new URL(config.url).origin}/… (${config.format}${config.secret ? ', signed' : ''})`,
    /** After a batch is stored (and on a retried batch too: every step is idempotent on the event id). */
    onStored: dispatcher.onStored,
    inbox,

    /**
     * `GET /api/inbox?status=open&widget=…`: items newest first, with what the visitor was promised.
     * @param {URL} url
     */
    async list(url) {
      const status = url.searchParams.get('status') || undefined;
      if (status !== undefined && !INBOX_STATUSES.includes(/** @type {any} */ (status))) {
        return { status: 400, body: { error: `status must be one of ${INBOX_STATUSES.join(', ')}`, field: 'status' } };
      }
      const widget = url.searchParams.get('widget') || undefined;
      const [items, all, stats] = await Promise.all([
        inbox.list({ status: /** @type {any} */ (status), widget }),
        inbox.list({ limit: 500 }),
        inbox.contactStats(),
      ]);
      return {
        status: 200,
        body: {
          items: items.map((item) => ({
            ...item,
            ...(item.event.callback ? { promise: callPromise(item.event.callback, item.receivedAt) } : {}),
          })),
          widgets: [...new Set(all.map((item) => item.widget))].sort(),
          stats,
        },
      };
    },

    /**
     * `POST /api/inbox` `{ id, status?, note? }`: a person moves an item on.
     * @param {unknown} body parsed JSON
     * @param {string} by who is signed in
     */
    async update(body, by) {
      const { id, status, note } = /** @type {Record<string, unknown>} */ (body ?? {});
      if (typeof id !== 'string' || id.length > 64) return { status: 400, body: { error: 'id must be an answer id', field: 'id' } };
      if (status !== undefined && !INBOX_STATUSES.includes(/** @type {any} */ (status))) {
        return { status: 400, body: { error: `status must be one of ${INBOX_STATUSES.join(', ')}`, field: 'status' } };
      }
      if (note !== undefined && (typeof note !== 'string' || [...note].length > NOTE_MAX)) {
        return { status: 400, body: { error: `note must be text of at most ${NOTE_MAX} characters`, field: 'note' } };
      }
      // eslint-disable-next-line no-control-regex -- control characters (not tab or newline) are what is taken out
      const cleanNote = typeof note === 'string' ? note.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '') : undefined;
      const found = await inbox.update(id, {
        ...(status === undefined ? {} : { status: /** @type {any} */ (status) }),
        ...(cleanNote === undefined ? {} : { note: cleanNote }),
        by,
      });
      return found ? { status: 200, body: { ok: true } } : { status: 404, body: { error: `no inbox item ${id}` } };
    },

    /** @param {{ ids?: string[], sessionId?: string }} request */
    erase: (request) => inbox.erase(request),

    /** `/results`: time from answer to first contact. */
    contactStats: () => inbox.contactStats(),

    stop: () => dispatcher.stop(),
  };
}

export { readAlertConfig };
