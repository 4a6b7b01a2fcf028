// Types for store.mjs, generated from its JSDoc so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * Opens (creating when needed) the SQLite file at `path` and its schema.
 *
 * Durability: WAL with `synchronous = FULL`, so a batch the collector answered
 * 2xx for has reached the disk, and a crash mid-batch leaves either the whole
 * transaction or none of it.
 *
 * @param {string} path a file path, or `:memory:`
 * @returns {FeedbackStore}
 */
export function openStore(path: string): FeedbackStore;
export type FeedbackEvent = import("../../src/context/event.js").FeedbackEvent;
export type EventQuery = {
    widget?: string | undefined;
    type?: string | undefined;
    limit?: number | undefined;
};
export type FeedbackStore = {
    /**
     *   Stores a batch in one transaction; events whose id is already stored are skipped.
     */
    insertBatch: (events: FeedbackEvent[]) => {
        stored: number;
        duplicates: number;
    };
    /**
     * Newest first (by `createdAt`).
     */
    listEvents: (query?: EventQuery) => FeedbackEvent[];
    count: () => number;
    close: () => void;
    path: string;
};
