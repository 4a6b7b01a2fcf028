// Types for outbox-store.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/**
 * The outbox the dispatcher uses, on a store's driver.
 * @param {{ kind: 'sqlite' | 'postgres', driver: Driver }} store
 * @returns {import('./dispatcher.mjs').AlertOutbox}
 */
export function storeOutbox({ kind, driver }: {
    kind: "sqlite" | "postgres";
    driver: Driver;
}): import("./dispatcher.mjs").AlertOutbox;
/**
 * The inbox: answers that need a person, newest first, with their status and history.
 * @param {{ driver: Driver }} store
 */
export function storeInbox({ driver }: {
    driver: Driver;
}): {
    /**
     * @param {{ status?: InboxStatus, widget?: string, limit?: number }} [filter]
     * @returns {Promise<InboxItem[]>}
     */
    list({ status, widget, limit }?: {
        status?: InboxStatus;
        widget?: string;
        limit?: number;
    }): Promise<InboxItem[]>;
    /**
     * Moves an item to `status` and/or keeps a note, recording who did it and when.
     * The first move away from `open` is the first contact.
     * @param {string} id
     * @param {{ status?: InboxStatus, note?: string, by: string, now?: number }} change
     * @returns {Promise<boolean>} false when there is no such item
     */
    update(id: string, { status, note, by, now }: {
        status?: InboxStatus;
        note?: string;
        by: string;
        now?: number;
    }): Promise<boolean>;
    /**
     * Time from answer to first contact: the median over the most recent contacted items
     * (bounded), and how many are still open.
     * @returns {Promise<{ medianMs: number | null, contacted: number, open: number }>}
     */
    contactStats(): Promise<{
        medianMs: number | null;
        contacted: number;
        open: number;
    }>;
    /**
     * Erasure: forgets the items of these answers or this visitor, history included.
     * @param {{ ids?: string[], sessionId?: string }} request
     */
    erase({ ids, sessionId }: {
        ids?: string[];
        sessionId?: string;
    }): Promise<{
        erased: number;
    }>;
};
/** @typedef {import('./dispatcher.mjs').OutboxItem} OutboxItem */
/** @typedef {import('../store/queries.mjs').Driver} Driver */
export const INBOX_STATUSES: readonly ["open", "contacted", "resolved"];
/** @typedef {typeof INBOX_STATUSES[number]} InboxStatus */
/** Longest note a person can keep on an item. */
export const NOTE_MAX: 2000;
export const ALERT_MIGRATIONS: {
    namespace: string;
    version: number;
    name: string;
    sqlite: string;
    postgres: string;
}[];
export type OutboxItem = import("./dispatcher.mjs").OutboxItem;
export type Driver = import("../store/queries.mjs").Driver;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export type InboxItem = {
    id: string;
    widget: string;
    type: string;
    reason: string;
    event: import("../../../src/context/event.js").FeedbackEvent;
    repliesTo?: import("../../../src/context/event.js").FeedbackEvent | undefined;
    comment?: string | undefined;
    receivedAt: string;
    status: InboxStatus;
    note: string;
    changedBy?: string | undefined;
    changedAt?: string | undefined;
    firstContactAt?: string | undefined;
    alert: {
        status: string;
        attempts: number;
        error?: string;
        sentAt?: string;
    };
    history: {
        at: string;
        by: string;
        from: string;
        to: string;
        note: string;
    }[];
};
