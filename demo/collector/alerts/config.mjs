// Alert settings from the environment, checked at start: a typo must stop `npm start` with a
// sentence that names the variable, not surface hours later as alerts that never arrived.
import { parseAlertRules } from './rules.mjs';

export class AlertConfigError extends Error {
  name = 'AlertConfigError';
}

/** A signing secret shorter than this is too easy to guess (16 bytes of entropy as hex, or a 32-character phrase). */
export const MIN_SECRET_LENGTH = 32;

/**
 * @typedef {object} AlertConfig
 * @property {string | null} url `ALERT_WEBHOOK_URL`; null: alerts go to the demo's built-in receiver
 * @property {'slack' | 'json'} format `ALERT_WEBHOOK_FORMAT`, default `slack`
 * @property {string | undefined} secret `ALERT_WEBHOOK_SECRET`
 * @property {number} commentWaitMs `ALERT_COMMENT_WAIT` seconds (default 30): how long an alert waits for the comment that follows its answer
 * @property {number} timeoutMs `ALERT_WEBHOOK_TIMEOUT` seconds (default 10)
 * @property {import('./rules.mjs').AlertRules} rules `ALERT_ON`
 */

/**
 * @param {string | undefined} value
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max: number }} bounds
 */
function seconds(value, name, fallback, { min, max }) {
  if (value === undefined || value.trim() === '') return fallback * 1000;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min || number > max) {
    throw new AlertConfigError(`${name}="${value}" is not a number of seconds from ${min} to ${max}.`);
  }
  return number * 1000;
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {AlertConfig}
 */
export function readAlertConfig(env) {
  const rawUrl = env.ALERT_WEBHOOK_URL?.trim() || null;
  if (rawUrl !== null) {
    let url;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new AlertConfigError(`ALERT_WEBHOOK_URL="${rawUrl}" is not a URL; use https://… (for example a Slack incoming webhook).`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AlertConfigError(`ALERT_WEBHOOK_URL="${rawUrl}" must be an http(s) URL.`);
    }
    if (url.username || url.password) {
      throw new AlertConfigError('ALERT_WEBHOOK_URL must not carry a user name or password; sign alerts with ALERT_WEBHOOK_SECRET instead.');
    }
  }
  const format = (env.ALERT_WEBHOOK_FORMAT ?? 'slack').trim().toLowerCase() || 'slack';
  if (format !== 'slack' && format !== 'json') {
    throw new AlertConfigError(`ALERT_WEBHOOK_FORMAT="${env.ALERT_WEBHOOK_FORMAT}" is not "slack" or "json".`);
  }
  const secret = env.ALERT_WEBHOOK_SECRET;
  if (secret !== undefined && secret !== '' && secret.length < MIN_SECRET_LENGTH) {
    throw new AlertConfigError(
      `ALERT_WEBHOOK_SECRET is ${secret.length} characters; use at least ${MIN_SECRET_LENGTH} (for example: openssl rand -hex 32).`,
    );
  }
  return {
    url: rawUrl,
    format,
    secret: secret || undefined,
    commentWaitMs: seconds(env.ALERT_COMMENT_WAIT, 'ALERT_COMMENT_WAIT', 30, { min: 0, max: 600 }),
    timeoutMs: seconds(env.ALERT_WEBHOOK_TIMEOUT, 'ALERT_WEBHOOK_TIMEOUT', 10, { min: 1, max: 120 }),
    rules: parseAlertRules(env.ALERT_ON),
  };
}
