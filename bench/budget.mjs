// feelback's size goal and the budget CI holds dist/feelback.min.js to.
// Sizes are brotli quality 11 bytes; 1 KB = 1,000 bytes throughout the bench.

/** The goal from issue 8: the whole library (three widgets, transport, context, Lit). */
export const GOAL_FULL_BROTLI = 14_000;
/** The goal for the rating bar with the transport, tree-shaken by a site's bundler. */
export const GOAL_RATING_BAR_BROTLI = 8_000;

/**
 * What CI enforces today. The goal is not met yet (see bench/RESULTS.md and
 * issue 14's work), so the budget is the measured size of dist/feelback.min.js
 * plus a margin of about 2 %: 35,735 bytes with four elements (the launcher
 * adds about 5 KB; the controller and transport restructure about 0.9 KB).
 * It stops the bundle growing unnoticed while the work to reach the goal goes
 * on. Lower it whenever the bundle shrinks; set it to GOAL_FULL_BROTLI once
 * the goal is met.
 */
export const BUDGET_FULL_BROTLI = 36_500;
