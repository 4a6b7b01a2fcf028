// From stored answers to webhook posts, through a durable outbox. The outbox (in the store, so a
// restart resends what was pending and several collector instances share it) holds one row per
// answer that needs a person: idempotent on the event id, so never more than one alert per answer.
import { alertReason } from './rules.mjs';
import { buildAlert, jsonPayload, slackPayload } from './format.mjs';
import { alertRetryDelay, postWebhook } from './webhook.mjs';

/** @typedef {import('../../../src/context/event.js').FeedbackEvent} FeedbackEvent */

/**
 * One pending or settled alert, as the outbox keeps it.
 * @typedef {object} OutboxItem
 * @property {string} id the answer's event id
 * @property {string} reason
 * @property {FeedbackEvent} event the answer
 * @property {string} receivedAt
 * @property {number} dueAt ms since the epoch: not sent before (the wait for a comment, or the next retry)
 * @property {number} attempts
 * @property {'pending' | 'sent' | 'failed' | 'merged'} status `merged`: folded into a later call back request's alert
 * @property {string} [comment] the comment that followed the answer
 * @property {FeedbackEvent} [repliesTo] for a call back: the answer it follows
 * @property {string} [lastError]
 * @property {number} [sentAt]
 */

/**
 * What the dispatcher needs from the store. Every method is async; `claimDue` must hand an item to
 * one caller at a time (a lease), so that two collector instances never post the same alert together.
 * @typedef {object} AlertOutbox
 * @property {(items: OutboxItem[]) => Promise<void>} add inserts, skipping ids already present
 * @property {(id: string) => Promise<OutboxItem | undefined>} get
 * @property {(id: string, comment: string) => Promise<boolean>} attachComment only while pending; true if attached
 * @property {(id: string) => Promise<OutboxItem | undefined>} merge marks a pending item merged and returns it
 * @property {(now: number, limit: number, leaseMs: number) => Promise<OutboxItem[]>} claimDue
 * @property {(id: string, update: Partial<Pick<OutboxItem, 'status' | 'dueAt' | 'attempts' | 'lastError' | 'sentAt'>>) => Promise<void>} update
 */

/**
 * @typedef {object} DispatcherOptions
 * @property {AlertOutbox} outbox
 * @property {import('./config.mjs').AlertConfig} config
 * @property {string} webhookUrl where alerts go (the configured URL, or the demo's built-in receiver)
 * @property {string} inboxUrl absolute URL of the inbox page, for the alert's link
 * @property {(line: string) => void} [log]
 * @property {() => number} [now]
 * @property {typeof fetch} [fetch]
 * @property {number} [pollMs] how often due alerts are looked for (default 1 s)
 * @property {number} [maxAttempts] after this many failed attempts an alert is marked failed (default 200: with the default backoff, about a day of trying)
 * @property {(attempts: number) => number} [retryDelay] ms before the next attempt (default: exponential from 5 s, capped at 15 min, jittered)
 */

/** @param {DispatcherOptions} options */
export function createAlertDispatcher({
  outbox,
  config,
  webhookUrl,
  inboxUrl,
  log = () => {},
  now = Date.now,
  fetch: request = fetch,
  pollMs = 1000,
  maxAttempts = 200,
  retryDelay = alertRetryDelay,
}) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  let running = false;
  /** @type {Promise<void> | undefined} */
  let ticking;

  /**
   * Called after a batch is committed: queues an alert for each answer that needs a person, and
   * attaches comments to the alert they follow while it still waits.
   *
   * @param {FeedbackEvent[]} events canonical, as stored
   * @param {string} receivedAt
   */
  async function onStored(events, receivedAt) {
    const received = Date.parse(receivedAt);
    /** @type {OutboxItem[]} */
    const items = [];
    for (const event of events) {
      const reason = alertReason(event, config.rules);
      if (!reason) continue;
      // A call back goes out at once; anything else waits a little for the comment that usually follows.
      const wait = event.type === 'callback' ? 0 : config.commentWaitMs;
      /** @type {OutboxItem} */
      const item = { id: event.id, reason, event, receivedAt, dueAt: received + wait, attempts: 0, status: 'pending' };
      const replyTo = event.callback?.replyTo;
      if (replyTo) {
        const earlier = await outbox.merge(replyTo);
        if (earlier) {
          item.repliesTo = earlier.event;
          if (earlier.comment) item.comment = earlier.comment;
        }
      }
      items.push(item);
    }
    if (items.length) await outbox.add(items);
    for (const event of events) {
      if (event.type === 'comment' && event.comment) await outbox.attachComment(event.comment.replyTo, event.comment.text);
    }
    if (items.some((item) => item.dueAt <= now())) kick();
  }

  /** @param {OutboxItem} item */
  function bodyFor(item) {
    const alert = buildAlert(item.event, {
      reason: item.reason,
      receivedAt: item.receivedAt,
      inboxUrl,
      ...(item.comment ? { comment: item.comment } : {}),
      ...(item.repliesTo ? { repliesTo: item.repliesTo } : {}),
    });
    return JSON.stringify(config.format === 'json' ? jsonPayload(alert) : slackPayload(alert));
  }

  /** @param {OutboxItem} item */
  async function deliver(item) {
    const started = now();
    const result = await postWebhook({
      url: webhookUrl,
      body: bodyFor(item),
      deliveryId: item.id,
      ...(config.secret ? { secret: config.secret } : {}),
      timeoutMs: config.timeoutMs,
      fetch: request,
    });
    const attempts = item.attempts + 1;
    if (result.outcome === 'sent') {
      await outbox.update(item.id, { status: 'sent', attempts, sentAt: now(), lastError: undefined });
      log(`alert sent for ${item.event.type} ${item.id} (${item.reason}) in ${now() - started} ms, ${Math.max(0, now() - Date.parse(item.receivedAt))} ms after the answer`);
      return;
    }
    if (result.outcome === 'failed' || attempts >= maxAttempts) {
      await outbox.update(item.id, { status: 'failed', attempts, lastError: result.error });
      log(`alert for ${item.id} failed: ${result.error}`);
      return;
    }
    const delay = Math.max(result.retryAfterMs ?? 0, retryDelay(attempts));
    await outbox.update(item.id, { status: 'pending', attempts, dueAt: now() + delay, lastError: result.error });
    log(`alert for ${item.id} not delivered (${result.error}); retrying in ${Math.round(delay / 1000)} s`);
  }

  /** Sends everything due; one pass. */
  async function tick() {
    const due = await outbox.claimDue(now(), 20, config.timeoutMs + 5_000);
    for (const item of due) await deliver(item);
  }

  function kick() {
    if (!running || ticking) return;
    ticking = tick()
      .catch((/** @type {Error} */ error) => log(`alerts: ${error?.message ?? error}`))
      .finally(() => {
        ticking = undefined;
        schedule();
      });
  }

  function schedule() {
    clearTimeout(timer);
    if (running) timer = setTimeout(kick, pollMs);
  }

  return {
    onStored,
    tick,
    /** Starts polling the outbox, which also resends what a previous run left pending. */
    start() {
      running = true;
      kick();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await ticking;
    },
  };
}

/**
 * An outbox in memory: for tests, and the shape the stores implement durably.
 * @returns {AlertOutbox & { items: Map<string, OutboxItem> }}
 */
export function memoryOutbox() {
  /** @type {Map<string, OutboxItem>} */
  const items = new Map();
  /** @type {Map<string, number>} */
  const leases = new Map();
  return {
    items,
    async add(list) {
      for (const item of list) if (!items.has(item.id)) items.set(item.id, structuredClone(item));
    },
    async get(id) {
      return items.get(id);
    },
    async attachComment(id, comment) {
      const item = items.get(id);
      if (!item || item.status !== 'pending' || item.attempts > 0) return false;
      item.comment = comment;
      return true;
    },
    async merge(id) {
      const item = items.get(id);
      if (!item || item.status !== 'pending' || item.attempts > 0) return undefined;
      item.status = 'merged';
      return item;
    },
    async claimDue(time, limit, leaseMs) {
      const due = [...items.values()]
        .filter((item) => item.status === 'pending' && item.dueAt <= time && (leases.get(item.id) ?? 0) <= time)
        .sort((a, b) => a.dueAt - b.dueAt)
        .slice(0, limit);
      for (const item of due) leases.set(item.id, time + leaseMs);
      return due.map((item) => structuredClone(item));
    },
    async update(id, update) {
      const item = items.get(id);
      if (item) Object.assign(item, update);
      leases.delete(id);
    },
  };
}
