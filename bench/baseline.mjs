// The baseline build the bench compares against: the CDN bundles of a fixed
// commit, built once into bench/.baseline/<commit>/ (ignored by git) from
// `git archive`, with this checkout's node_modules. Later runs reuse it.
//
//   node bench/baseline.mjs            builds (or reuses) BASELINE_COMMIT
//   BENCH_BASELINE=<commit> npm run bench   compares against another commit
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** "Today's build": main when the deferred-loading work started (0.1.0 plus review fixes). */
export const BASELINE_COMMIT = '7847bf5acb3fde3f9009a9029ae67b94d2eb7190';

/** The folder holding the baseline's dist/ (built on first use). Returns undefined when it cannot be built. */
export function baselineDist(commit = process.env.BENCH_BASELINE || BASELINE_COMMIT, log = console.error) {
  const full = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(ROOT, 'bench', '.baseline', full.slice(0, 12));
  const bundle = join(dir, 'dist', 'feelback.min.js');
  if (existsSync(bundle)) return { commit: full, dist: join(dir, 'dist') };
  log(`baseline: building ${full.slice(0, 12)} into ${dir}`);
  execFileSync('bash', ['-c', `rm -rf "${dir}" && mkdir -p "${dir}" && git archive ${full} | tar -x -C "${dir}"`], { cwd: ROOT, stdio: 'inherit' });
  execFileSync('ln', ['-s', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], { cwd: dir, stdio: 'inherit' });
  return { commit: full, dist: join(dir, 'dist') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { commit, dist } = baselineDist();
  console.log(`baseline ${commit.slice(0, 12)}: ${dist}\n`);
}
