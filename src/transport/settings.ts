import { warnOnce } from '../internal/warn.js';
import type { TransportOptions } from './types.js';

/** The defaults of every numeric option (documented in `TransportOptions`). */
export const TRANSPORT_DEFAULTS = {
  batchSize: 20,
  flushIntervalMs: 1000,
  maxRetries: 8,
  backoffBaseMs: 1000,
  backoffCapMs: 60_000,
  timeoutMs: 10_000,
  maxQueue: 200,
} as const;

export type Settings = { -readonly [K in keyof typeof TRANSPORT_DEFAULTS]: number };

/** Longest delay a browser timer takes (2³¹ − 1 ms, about 24.8 days); a longer one fires at once. */
export const TIMER_MAX_MS = 2_147_483_647;

/**
 * The numeric settings in force: each option that is a finite number at or
 * above its minimum (1 for counts, 0 for times; times at most `TIMER_MAX_MS`),
 * else the default, with one warning that names the option, the value and the
 * default used.
 */
export function readSettings(options: Partial<TransportOptions>): Settings {
  const settings: Settings = { ...TRANSPORT_DEFAULTS };
  for (const key of Object.keys(TRANSPORT_DEFAULTS) as Array<keyof Settings>) {
    const value = options[key];
    if (value === undefined) continue;
    const minimum = key === 'batchSize' || key === 'maxQueue' ? 1 : 0;
    const time = key.endsWith('Ms');
    if (!(typeof value === 'number' && Number.isFinite(value) && value >= minimum)) {
      warnOnce(`transport option ${key}=${String(value)} is not a number ≥ ${minimum}; using ${settings[key]}.`);
    } else if (time && value > TIMER_MAX_MS) {
      warnOnce(`transport option ${key}=${value} is longer than a browser timer can wait (${TIMER_MAX_MS} ms); using ${settings[key]}.`);
    } else {
      settings[key] = value;
    }
  }
  return settings;
}
