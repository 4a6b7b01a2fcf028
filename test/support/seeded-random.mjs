// A small seeded generator (mulberry32), plain ESM so that bench/ can use it too:
// the hardening tests reproduce a failing string from its seed, and the bench
// repeats a run's shuffled order.

/** Returns a function giving numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
