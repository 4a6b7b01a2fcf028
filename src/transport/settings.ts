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

/**
 * The numeric settings in force: each option that is a finite number at or
 * above its minimum (1 for counts, 0 for times), else the default, with one
 * warning that names the option, the value and the default used.
 */
export function readSettings(options: Partial<TransportOptions>): Settings {
  const settings: Settings = { ...TRANSPORT_DEFAULTS };
  for (const key of Object.keys(TRANSPORT_DEFAULTS) as Array<keyof Settings>) {
    const value = options[key];
    if (value === undefined) continue;
    const minimum = key === 'batchSize' || key === 'maxQueue' ? 1 : 0;
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum) settings[key] = value;
    else warnOnce(`transport option ${key}=${String(value)} is not a number ≥ ${minimum}; using ${settings[key]}.`);
  }
  return settings;
}
