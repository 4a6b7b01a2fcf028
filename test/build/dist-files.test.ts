// dist/ is what `npm pack` publishes (package.json "files"), so it must hold this build's
// files and nothing else: rollup.config.mjs empties it first, because the files the one-file
// bundles load later carry a content hash and an earlier build's would otherwise stay beside them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = 'dist';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

/** Every file a one-file build can load, following its static and dynamic relative imports. */
function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:import\(|from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(file), specifier!));
    }
  };
  entries.forEach(visit);
  return seen;
}

describe('dist/ after a build', () => {
  const files = filesUnder(DIST).map((file) => relative(DIST, file).replace(/\\/g, '/'));

  it('every file the one-file bundles load later is loaded by one of them', () => {
    const reachable = reachableFrom(['feelback.min.js', 'rating-bar.min.js', 'launcher.min.js'].map((name) => join(DIST, name)));
    const loadable = files.filter((file) => /^internal\/.+\.min\.js$/.test(file) || /^locales\/.+\.js$/.test(file));
    expect(loadable.length).toBeGreaterThan(0);
    expect(loadable.filter((file) => !reachable.has(join(DIST, file)))).toEqual([]);
  });

  it('every per-module file comes from a source file that exists', () => {
    const modules = files.filter((file) => file.endsWith('.js') && !file.endsWith('.min.js') && !file.startsWith('locales/'));
    expect(modules.length).toBeGreaterThan(0);
    const orphans = modules.filter((file) => !existsSync(join('src', file.replace(/\.js$/, '.ts'))) && !/^internal\/.+-[\w-]{8}\.js$/.test(file));
    expect(orphans).toEqual([]);
  });
});
