// Types for dispatcher.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
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
export function createAlertDispatcher({ outbox, config, webhookUrl, inboxUrl, log, now, fetch: request, pollMs, maxAttempts, retryDelay, }: DispatcherOptions): {
    onStored: (events: FeedbackEvent[], receivedAt: string) => Promise<void>;
    tick: () => Promise<void>;
    /** Starts polling the outbox, which also resends what a previous run left pending. */
    start(): void;
    stop(): Promise<void>;
};
/**
 * An outbox in memory: for tests, and the shape the stores implement durably.
 * @returns {AlertOutbox & { items: Map<string, OutboxItem> }}
 */
export function memoryOutbox(): AlertOutbox & {
    items: Map<string, OutboxItem>;
};
export type FeedbackEvent = import("../../../src/context/event.js").FeedbackEvent;
/**
 * One pending or settled alert, as the outbox keeps it.
 */
export type OutboxItem = {
    /**
     * the answer's event id
     */
    id: string;
    reason: string;
    /**
     * the answer
     */
    event: FeedbackEvent;
    receivedAt: string;
    /**
     * ms since the epoch: not sent before (the wait for a comment, or the next retry)
     */
    dueAt: number;
    attempts: number;
    /**
     * `merged`: folded into a later call back request's alert
     */
    status: "pending" | "sent" | "failed" | "merged";
    /**
     * the comment that followed the answer
     */
    comment?: string | undefined;
    /**
     * for a call back: the answer it follows
     */
    repliesTo?: import("../../../src/context/event.js").FeedbackEvent | undefined;
    lastError?: string | undefined;
    sentAt?: number | undefined;
};
/**
 * What the dispatcher needs from the store. Every method is async; `claimDue` must hand an item to
 * one caller at a time (a lease), so that two collector instances never post the same alert together.
 */
export type AlertOutbox = {
    /**
     * inserts, skipping ids already present
     */
    add: (items: OutboxItem[]) => Promise<void>;
    get: (id: string) => Promise<OutboxItem | undefined>;
    /**
     * only while pending; true if attached
     */
    attachComment: (id: string, comment: string) => Promise<boolean>;
    /**
     * marks a pending item merged and returns it
     */
    merge: (id: string) => Promise<OutboxItem | undefined>;
    claimDue: (now: number, limit: number, leaseMs: number) => Promise<OutboxItem[]>;
    update: (id: string, update: Partial<Pick<OutboxItem, "status" | "dueAt" | "attempts" | "lastError" | "sentAt">>) => Promise<void>;
};
export type DispatcherOptions = {
    outbox: AlertOutbox;
    config: import("./config.mjs").AlertConfig;
    /**
     * where alerts go (the configured URL, or the demo's built-in receiver)
     */
    webhookUrl: string;
    /**
     * absolute URL of the inbox page, for the alert's link
     */
    inboxUrl: string;
    log?: ((line: string) => void) | undefined;
    now?: (() => number) | undefined;
    fetch?: typeof fetch | undefined;
    /**
     * how often due alerts are looked for (default 1 s)
     */
    pollMs?: number | undefined;
    /**
     * after this many failed attempts an alert is marked failed (default 200: with the default backoff, about a day of trying)
     */
    maxAttempts?: number | undefined;
    /**
     * ms before the next attempt (default: exponential from 5 s, capped at 15 min, jittered)
     */
    retryDelay?: ((attempts: number) => number) | undefined;
};
