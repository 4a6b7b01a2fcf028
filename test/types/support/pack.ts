import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Installs the package as a user gets it: `npm pack` of the built tree,
 * unpacked into `<cache>/node_modules/feelback` (the cache is emptied first).
 * Fixture apps copied into `cache` then resolve `feelback` to the tarball's files.
 */
export async function installPacked(cache: string): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/index.d.ts'))) throw new Error('dist/ is missing: run `npm run build` first.');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(join(cache, 'node_modules/feelback'), { recursive: true });
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', cache], { cwd: ROOT });
  const tarball = join(cache, stdout.trim().split('\n').at(-1)!);
  await run('tar', ['-xzf', tarball, '-C', join(cache, 'node_modules/feelback'), '--strip-components=1']);
}
