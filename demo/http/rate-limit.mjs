/**
 * Per-client token buckets: each client (see client-address.mjs) has a bucket
 * of `capacity` tokens that refills continuously at `capacity / windowMs`, so
 * a client may burst up to `capacity` and then keeps the long-run rate.
 * Buckets live in memory, per process; several collector processes behind one
 * address each keep their own.
 */

/**
 * @typedef {object} Rate
 * @property {number} capacity tokens a full bucket holds (the burst)
 * @property {number} windowMs time to refill an empty bucket completely
 */

/**
 * @typedef {{ ok: true } | { ok: false, retryAfterSeconds: number }} TakeResult
 */

const UNITS = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/**
 * Reads a rate written `<count>/<window>`: `60/1m`, `5/1h`, `10/30s`.
 * `off` turns a limit off (returns `undefined`).
 *
 * @param {string} text
 * @returns {Rate | undefined}
 * @throws {RangeError} when the text is not a rate
 */
export function parseRate(text) {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'off') return undefined;
  const match = /^(\d+)\s*\/\s*(\d*)\s*(ms|s|min|m|h)$/.exec(trimmed);
  const capacity = match ? Number(match[1]) : NaN;
  const windowMs = match ? Number(match[2] || '1') * UNITS[/** @type {keyof typeof UNITS} */ (match[3])] : NaN;
  if (!(capacity >= 1) || !(windowMs >= 1) || !Number.isSafeInteger(capacity)) {
    throw new RangeError(`"${text}" is not a rate: write <count>/<window>, e.g. 60/1m, 5/1h or 10/30s, or off`);
  }
  return { capacity, windowMs };
}

/** @param {Rate} rate */
export function describeRate({ capacity, windowMs }) {
  const [unit, size] = windowMs % 3_600_000 === 0 ? ['h', 3_600_000] : windowMs % 60_000 === 0 ? ['m', 60_000] : windowMs % 1000 === 0 ? ['s', 1000] : ['ms', 1];
  return `${capacity}/${windowMs / size}${unit}`;
}

/**
 * @param {Rate | undefined} rate `undefined`: no limit, every take succeeds
 * @param {{ now?: () => number, maxClients?: number }} [options]
 */
export function createRateLimiter(rate, { now = Date.now, maxClients = 100_000 } = {}) {
  /** @type {Map<string, { tokens: number, at: number }>} */
  const buckets = new Map();
  const perMs = rate ? rate.capacity / rate.windowMs : 0;

  /** @param {string} key @param {number} at */
  function bucketFor(key, at) {
    const rateValue = /** @type {Rate} */ (rate);
    let bucket = buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(rateValue.capacity, bucket.tokens + (at - bucket.at) * perMs);
      bucket.at = at;
      return bucket;
    }
    if (buckets.size >= maxClients) forgetFullBuckets(at);
    bucket = { tokens: rateValue.capacity, at };
    buckets.set(key, bucket);
    return bucket;
  }

  // Memory stays bounded however many addresses a flood comes from: full
  // buckets carry no state worth keeping; past that, the oldest go first.
  /** @param {number} at */
  function forgetFullBuckets(at) {
    const capacity = /** @type {Rate} */ (rate).capacity;
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (at - bucket.at) * perMs >= capacity) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size < maxClients) break;
      buckets.delete(key);
    }
  }

  return {
    rate,
    /**
     * Takes `cost` tokens from `key`'s bucket, or none when it holds fewer.
     * A cost above the capacity is charged as the capacity, so it can pass.
     * @param {string} key
     * @param {number} [cost]
     * @returns {TakeResult}
     */
    take(key, cost = 1) {
      if (!rate || cost <= 0) return { ok: true };
      const at = now();
      const bucket = bucketFor(key, at);
      const needed = Math.min(cost, rate.capacity);
      if (bucket.tokens >= needed) {
        bucket.tokens -= needed;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - bucket.tokens) / perMs / 1000)) };
    },
    get size() {
      return buckets.size;
    },
  };
}

/** @typedef {ReturnType<typeof createRateLimiter>} RateLimiter */
