// Types generated from the JSDoc of the module beside it, so the TypeScript tests can import it. Regenerate after an API change:
// npx tsc --ignoreConfig --allowJs --checkJs --strict --declaration --emitDeclarationOnly --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck --types node --outDir /tmp/demo-dts demo/app.mjs
/**
 * @param {Driver} driver
 * @param {{ widget?: string, type?: string, limit?: number, cursor?: string | null, maxBytes?: number }} [query]
 */
export function listEvents(driver: Driver, { widget, type, limit, cursor, maxBytes }?: {
    widget?: string;
    type?: string;
    limit?: number;
    cursor?: string | null;
    maxBytes?: number;
}): Promise<{
    events: import("./index.mjs").StoredEvent[];
    nextCursor: string | null;
}>;
/**
 * Everything the results page shows, computed by the database with bounded
 * work and bounded output: no event list is shipped to the browser.
 *
 * Ratings and feelings count each visitor's latest answer per widget (by the
 * server's clock): a visitor who changes their mind is counted once, and
 * re-posting with someone's sessionId can only replace that visitor's answer
 * on that widget, never another event.
 *
 * @param {Driver} driver
 * @param {{ widget?: string, since?: string | Date, now?: Date }} [options]
 */
export function results(driver: Driver, { widget, since, now }?: {
    widget?: string;
    since?: string | Date;
    now?: Date;
}): Promise<{
    since: string;
    until: string;
    widget: string | null;
    bucket: string;
    counts: {
        rating: number;
        feeling: number;
        comment: number;
        callback: number;
        shown: number;
        dismissed: number;
        events: number;
    };
    answers: {
        received: number;
        counted: number;
    };
    ratings: {
        distribution: {
            value: number;
            count: number;
        }[];
        widget: string;
        scale: string;
        min: number;
        max: number;
        answers: number;
    }[];
    feelings: {
        totals: {
            id: string;
            count: any;
        }[];
        series: {
            start: string;
            counts: {
                [k: string]: number;
            };
        }[];
    };
    series: ({
        start: string;
    } & Record<"rating" | "feeling" | "comment" | "callback" | "shown" | "dismissed", number>)[];
    vitals: {
        LCP: {
            rating: string;
            answers: number;
            average: number | null;
        }[];
        INP: {
            rating: string;
            answers: number;
            average: number | null;
        }[];
    };
    launchers: {
        id: string;
        widget: string;
        visitors: number;
        shown: number;
        answered: number;
        dismissed: number;
        dismissEvents: number;
        responseRate: number;
    }[];
    comments: {
        id: string;
        widget: string;
        text: string;
        receivedAt: string;
        answer: {
            type: string;
            rating: any;
            feeling?: undefined;
        } | {
            type: string;
            feeling: any;
            rating?: undefined;
        } | {
            type: any;
            rating?: undefined;
            feeling?: undefined;
        } | null;
    }[];
    callbacks: {
        id: string;
        widget: string;
        receivedAt: string;
        name: string;
        phone: string;
        window: string;
        timeZone: string;
        topic: string;
        redacted: boolean;
    }[];
}>;
/**
 * Erasure: deletes the events with these ids and every event of this session.
 * @param {Driver} driver
 * @param {{ ids?: string[], sessionId?: string }} request
 */
export function deleteEvents(driver: Driver, { ids, sessionId }?: {
    ids?: string[];
    sessionId?: string;
}): Promise<{
    deleted: number;
}>;
/**
 * Retention: deletes events received more than `retentionDays` ago, and
 * redacts callback requests (name, phone, topic) received more than
 * `personalDataDays` ago, keeping the rest of the event (so it still counts).
 * Either bound may be left out (or 0) to keep that data.
 *
 * @param {Driver} driver
 * @param {{ now?: Date, retentionDays?: number, personalDataDays?: number }} [options]
 */
export function expire(driver: Driver, { now, retentionDays, personalDataDays }?: {
    now?: Date;
    retentionDays?: number;
    personalDataDays?: number;
}): Promise<{
    deleted: number;
    redacted: number;
}>;
/** @param {Driver} driver */
export function count(driver: Driver): Promise<number>;
export namespace RESULT_BOUNDS {
    let defaultDays: number;
    let maxDays: number;
    let hourlyWithin: number;
    let ratingGroups: number;
    let ratingValues: number;
    let feelings: number;
    let launchers: number;
    let comments: number;
    let callbacks: number;
}
export namespace LIST_BOUNDS {
    let defaultLimit: number;
    let maxLimit: number;
    let defaultMaxBytes: number;
}
export type Driver = {
    all: (query: import("./sql.mjs").Sql) => Promise<any[]>;
    run: (query: import("./sql.mjs").Sql) => Promise<{
        changes: number;
    }>;
};
