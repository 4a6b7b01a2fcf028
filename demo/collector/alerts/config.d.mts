// Types for config.mjs, generated from its JSDoc (see demo/app.d.mts for the command).
/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {AlertConfig}
 */
export function readAlertConfig(env: NodeJS.ProcessEnv): AlertConfig;
export class AlertConfigError extends Error {
}
/** A signing secret shorter than this is too easy to guess (16 bytes of entropy as hex, or a 32-character phrase). */
export const MIN_SECRET_LENGTH: 32;
export type AlertConfig = {
    /**
     * `ALERT_WEBHOOK_URL`; null: alerts go to the demo's built-in receiver
     */
    url: string | null;
    /**
     * `ALERT_WEBHOOK_FORMAT`, default `slack`
     */
    format: "slack" | "json";
    /**
     * `ALERT_WEBHOOK_SECRET`
     */
    secret: string | undefined;
    /**
     * `ALERT_COMMENT_WAIT` seconds (default 30): how long an alert waits for the comment that follows its answer
     */
    commentWaitMs: number;
    /**
     * `ALERT_WEBHOOK_TIMEOUT` seconds (default 10)
     */
    timeoutMs: number;
    /**
     * `ALERT_ON`
     */
    rules: import("./rules.mjs").AlertRules;
};
