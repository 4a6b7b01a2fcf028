import { resolve } from 'node:path';
import { parseRate } from './rate-limit.mjs';

/**
 * The collector's settings from the environment, each checked with a message
 * that names the variable. See docs/collector.md, "Security".
 */

export class ConfigError extends Error {
  name = 'ConfigError';
}

/** Defaults, also used by `startDemoServer` when an option is left out. */
export const DEFAULT_LIMITS = Object.freeze({
  /** Every request, per client. */
  requests: '600/1m',
  /** `POST /api/feedback`, per client. */
  feedback: '120/1m',
  /** Callback requests (events), per client: each is a person's name and phone number. */
  callback: '5/1h',
  /** Sign-in attempts and wrong tokens, per client. */
  signin: '10/15m',
});

export const DEFAULT_TIMEOUTS = Object.freeze({
  /** From connecting to the end of the request headers. */
  headersMs: 10_000,
  /** From connecting to the end of the request body. */
  requestMs: 30_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: 5_000,
});

export const DEFAULT_CONNECTIONS = Object.freeze({ max: 1000, perClient: 50 });
export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {{ min: number, max: number, fallback: number }} range
 */
function integer(env, name, { min, max, fallback }) {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}="${text}" must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** @param {NodeJS.ProcessEnv} env @param {string} name */
function list(env, name) {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** @param {NodeJS.ProcessEnv} env @param {string} name @param {string} fallback */
function rate(env, name, fallback) {
  const text = env[name];
  try {
    // `off` is null: no limit (undefined would mean "the default").
    return parseRate(text === undefined || text.trim() === '' ? fallback : text) ?? null;
  } catch (error) {
    throw new ConfigError(`${name}: ${/** @type {Error} */ (error).message}.`);
  }
}

/** @param {NodeJS.ProcessEnv} env @param {string} name */
function flag(env, name) {
  const text = (env[name] ?? '').trim().toLowerCase();
  if (['', '0', 'false', 'no', 'off'].includes(text)) return false;
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  throw new ConfigError(`${name}="${env[name]}" must be true or false.`);
}

/**
 * PUBLIC_URL: the address people reach the collector at (behind a proxy, say), for the
 * inbox links in alerts. A path is kept (a collector mounted under /feedback); no query.
 * @param {NodeJS.ProcessEnv} env
 */
function publicUrl(env) {
  const text = env.PUBLIC_URL?.trim();
  if (!text) return undefined;
  let url;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`PUBLIC_URL="${text}" must be the http(s) address people open the collector at, e.g. https://feedback.example.com (no query, fragment or credentials).`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {import('../app.mjs').DemoServerOptions & { port: number, host: string }}
 */
export function readConfig(env) {
  const port = integer(env, 'PORT', { min: 0, max: 65535, fallback: 8080 });
  const adminToken = env.ADMIN_TOKEN?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN must be at least 16 characters (leave it unset and npm start makes a strong one).');
  }
  const allowedHosts = list(env, 'ALLOWED_HOSTS');
  for (const host of allowedHosts) {
    if (!/^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(:\d{1,5})?$/i.test(host)) {
      throw new ConfigError(`ALLOWED_HOSTS: "${host}" is not a host name or host:port (comma-separated, e.g. feedback.example.com,localhost:8080).`);
    }
  }
  const retentionDays = integer(env, 'RETENTION_DAYS', { min: 0, max: 36_500, fallback: 0 });
  const personalDataDays = integer(env, 'PERSONAL_DATA_RETENTION_DAYS', { min: 0, max: 36_500, fallback: 0 });
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    dbPath: resolve(env.DB_PATH || 'data/feedback.sqlite'),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    corsOrigins: list(env, 'CORS_ORIGINS'),
    adminToken,
    allowedHosts: allowedHosts.length ? allowedHosts : undefined,
    publicUrl: publicUrl(env),
    trustProxy: flag(env, 'TRUST_PROXY'),
    rateLimits: {
      requests: rate(env, 'RATE_LIMIT_REQUESTS', DEFAULT_LIMITS.requests),
      feedback: rate(env, 'RATE_LIMIT_FEEDBACK', DEFAULT_LIMITS.feedback),
      callback: rate(env, 'RATE_LIMIT_CALLBACK', DEFAULT_LIMITS.callback),
      signin: rate(env, 'RATE_LIMIT_SIGNIN', DEFAULT_LIMITS.signin),
    },
    timeouts: {
      headersMs: integer(env, 'HEADERS_TIMEOUT_MS', { min: 100, max: 600_000, fallback: DEFAULT_TIMEOUTS.headersMs }),
      requestMs: integer(env, 'REQUEST_TIMEOUT_MS', { min: 100, max: 3_600_000, fallback: DEFAULT_TIMEOUTS.requestMs }),
      keepAliveMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', { min: 100, max: 600_000, fallback: DEFAULT_TIMEOUTS.keepAliveMs }),
    },
    connections: {
      max: integer(env, 'MAX_CONNECTIONS', { min: 1, max: 1_000_000, fallback: DEFAULT_CONNECTIONS.max }),
      perClient: integer(env, 'MAX_CONNECTIONS_PER_CLIENT', { min: 1, max: 1_000_000, fallback: DEFAULT_CONNECTIONS.perClient }),
    },
    maxHeaderBytes: integer(env, 'MAX_HEADER_BYTES', { min: 1024, max: 1024 * 1024, fallback: DEFAULT_MAX_HEADER_BYTES }),
    retention: retentionDays || personalDataDays ? { retentionDays: retentionDays || undefined, personalDataDays: personalDataDays || undefined } : undefined,
  };
}
