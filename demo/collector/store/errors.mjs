// The two ways a store fails that its callers handle on purpose.

/**
 * The store cannot start with the configuration it was given (a bad
 * `DATABASE_URL`, a database that cannot be reached). The message names the
 * variable and says what to fix; it is meant to be printed without a stack.
 */
export class StoreConfigError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'StoreConfigError';
    this.code = 'STORE_CONFIG';
  }
}

/**
 * The database is unreachable for now (PostgreSQL stopped or restarting, the
 * network gone, SQLite locked past its busy timeout). Nothing was stored; the
 * HTTP layer answers 503 with `Retry-After`, and the store reconnects by itself.
 */
export class StoreUnavailableError extends Error {
  /** @param {string} message @param {unknown} [cause] */
  constructor(message, cause) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
    this.code = 'STORE_UNAVAILABLE';
  }
}
