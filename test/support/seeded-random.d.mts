// Types for seeded-random.mjs (plain ESM so that bench/ can use it too).
export function seededRandom(seed: number): () => number;
