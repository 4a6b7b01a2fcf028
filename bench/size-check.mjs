// CI size budget: fails when dist/feelback.min.js is over budget (brotli 11).
// Usage: npm run build && npm run size
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BUDGET_FULL_BROTLI, GOAL_FULL_BROTLI } from './budget.mjs';
import { measure } from './lib/sizes.mjs';
import { kb } from './lib/table.mjs';

const file = fileURLToPath(new URL('../dist/feelback.min.js', import.meta.url));
let code;
try {
  code = await readFile(file);
} catch {
  console.error(`size: ${file} is missing; run \`npm run build\` first.`);
  process.exit(1);
}
const size = measure(code);
const figures = `${kb(size.min)} min, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli (${size.brotli} bytes)`;
console.log(`size: dist/feelback.min.js is ${figures}`);
console.log(`size: budget ${BUDGET_FULL_BROTLI} bytes brotli; goal ${GOAL_FULL_BROTLI} bytes brotli (issue 8)`);
if (size.brotli > BUDGET_FULL_BROTLI) {
  console.error(
    `size: OVER BUDGET by ${size.brotli - BUDGET_FULL_BROTLI} bytes. Find where the bytes went with \`npm run bench\` ` +
      `(the breakdown table), or raise BUDGET_FULL_BROTLI in bench/budget.mjs with a reason in the commit.`,
  );
  process.exit(1);
}
if (size.brotli > GOAL_FULL_BROTLI) {
  console.log(`size: within budget, but ${size.brotli - GOAL_FULL_BROTLI} bytes over the ${kb(GOAL_FULL_BROTLI)} goal.`);
} else {
  console.log('size: within the goal.');
}
