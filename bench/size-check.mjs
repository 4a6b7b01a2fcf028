// `npm run size` (CI): every one-file build against its byte budgets, per build:
// what a page fetches before its first widget is interactive (the entry and its
// static imports) and everything the build can load (plus what it import()s on
// demand; locale tables aside). Prints the goals of issue 14 beside the budgets,
// and where each build's bytes go, module by module (from the hidden source maps).
// Usage: npm run build && npm run size
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUDGETS, GOALS } from './budget.mjs';
import { breakdownOfBuild } from './lib/breakdown.mjs';
import { buildFiles } from './lib/sizes.mjs';
import { kb, toText } from './lib/table.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const goalOf = Object.fromEntries(Object.values(GOALS).filter((g) => g && g.file).map((g) => [g.file, g]));
const failures = [];
const figures = (size) => `${kb(size.min)} min, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli (${size.brotli} bytes)`;

for (const [file, budget] of Object.entries(BUDGETS)) {
  if (!existsSync(join(DIST, file))) {
    failures.push(`dist/${file} is missing; run \`npm run build\` first.`);
    continue;
  }
  const build = await buildFiles(DIST, file);
  const goal = goalOf[file] ?? {};
  console.log(`\nsize: dist/${file}`);
  for (const [what, size, limit, target, files] of [
    ['before the first widget is interactive', build.beforeSize, budget.before, goal.before, build.before],
    ['everything it can load', build.totalSize, budget.total, goal.total, [...build.before, ...build.deferred]],
  ]) {
    const verdict = size.brotli > limit ? `OVER BUDGET by ${size.brotli - limit} bytes` : 'within budget';
    const toGoal = target === undefined ? '' : size.brotli <= target ? '; goal met' : `; ${size.brotli - target} bytes over the goal`;
    console.log(`  ${what}: ${figures(size)}`);
    console.log(`    ${files.length} file(s): ${files.join(', ')}`);
    console.log(`    budget ${limit} bytes brotli${target === undefined ? '' : `, goal ${target}`}: ${verdict}${toGoal}`);
    if (size.brotli > limit) failures.push(`dist/${file} ${what}: ${size.brotli} bytes brotli, budget ${limit}`);
  }
  const mapped = [...build.before, ...build.deferred].map((f) => join(DIST, f)).filter((f) => existsSync(`${f}.map`));
  if (mapped.length) {
    const { whole, rows } = await breakdownOfBuild(mapped, ROOT);
    console.log(
      toText({
        title: `  where the bytes of dist/${file} go (all ${mapped.length} file(s), by source map)`,
        columns: [{ name: 'module group' }, { name: 'min', align: 'right' }, { name: '≈ brotli', align: 'right' }],
        rows: [...rows.map((r) => [r.group, kb(r.min), kb(r.brotliShare)]), ['total', kb(whole.min), kb(whole.brotli)]],
      }),
    );
  }
}

if (failures.length) {
  console.error(`\nsize: ${failures.join('\nsize: ')}`);
  console.error(
    'size: find where the bytes went in the breakdown above (or `npm run bench`), or raise the budget in bench/budget.mjs with a reason in the commit.',
  );
  process.exit(1);
}
console.log('\nsize: every build is within its budgets.');
