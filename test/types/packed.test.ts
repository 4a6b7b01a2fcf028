// Type tests against the package as published: `npm pack` of the built
// package, unpacked into .cache/types/node_modules/feelback, then strict
// React 19, Vue 3 (vue-tsc, strictTemplates) and plain TypeScript apps
// (moduleResolution bundler and node10) compiled against it. Their other
// dependencies (react, vue, lit …) resolve from the repository's node_modules.
//
// Each fixture marks the mistakes its types must catch with @ts-expect-error
// (@vue-expect-error in templates). The fixture must compile as written, and a
// copy with the markers removed must fail with one error on each marked line
// and nowhere else, so a type that silently widened to `any` fails the test.
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { installPacked } from './support/pack.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, '.cache/types');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const BIN = join(ROOT, 'node_modules/.bin');

// A line that is only a marker comment, in TS (//), JSX ({/* … */}) or a Vue template (<!-- … -->).
const MARKER = /^\s*(\/\/|\{\/\*|<!--)\s*@(ts|vue)-expect-error/;

beforeAll(async () => {
  await installPacked(CACHE);
  for (const fixture of readdirSync(FIXTURES)) cpSync(join(FIXTURES, fixture), join(CACHE, fixture), { recursive: true });
}, 120_000);

/** Writes `<name>.broken.<ext>` beside a fixture file: the same code with every marker removed. */
function writeBroken(dir: string, file: string): { broken: string; expectedLines: number[] } {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const expectedLines: number[] = [];
  const stripped = lines.map((line, index) => {
    if (!MARKER.test(line)) return line;
    expectedLines.push(index + 2); // the marked line is the one after the marker (1-based)
    return line.replace(/@(ts|vue)-expect-error/, 'expect an error on the next line:');
  });
  const broken = file.replace(/\.(\w+)$/, '.broken.$1');
  writeFileSync(join(dir, broken), stripped.join('\n'));
  return { broken, expectedLines };
}

interface Diagnostic {
  file: string;
  line: number;
  text: string;
}

/** Runs a compiler on a project and returns its diagnostics (a clean run returns none). */
async function compile(compiler: string, project: string): Promise<Diagnostic[]> {
  const output = await run(join(BIN, compiler), ['-p', project, '--pretty', 'false'], { cwd: CACHE, maxBuffer: 1 << 24 }).then(
    ({ stdout }) => stdout,
    (error: { stdout?: string; message: string }) => error.stdout || error.message,
  );
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*)$/gm)].map(([, file, line, text]) => ({
    file: file.replace(/\\/g, '/'),
    line: Number(line),
    text,
  }));
}

/** Compiles `files` of a fixture and their broken copies in one program, then checks both. */
async function checkFixture(compiler: string, fixture: string, files: string[], tsconfig = 'tsconfig.json'): Promise<void> {
  const dir = join(CACHE, fixture);
  const broken = files.map((file) => ({ file, ...writeBroken(dir, file) }));
  const config = JSON.parse(readFileSync(join(dir, tsconfig), 'utf8'));
  config.files = [...(config.files ?? []), ...broken.map(({ broken }) => broken)];
  const project = join(dir, `tsconfig.check-${tsconfig}`);
  writeFileSync(project, JSON.stringify(config));
  const diagnostics = await compile(compiler, project);

  for (const { file, broken: brokenFile, expectedLines } of broken) {
    const inFile = (name: string) => diagnostics.filter((d) => d.file.endsWith(`${fixture}/${name}`));
    expect(inFile(file), `${fixture}/${file} compiles as written`).toEqual([]);
    expect(expectedLines.length, `${fixture}/${file} marks some mistakes`).toBeGreaterThan(0);
    const errorLines = [...new Set(inFile(brokenFile).map((d) => d.line))].sort((a, b) => a - b);
    expect(errorLines, `${fixture}/${file} without its markers fails exactly on the marked lines`).toEqual(expectedLines);
  }
  expect(diagnostics.filter((d) => !broken.some(({ file, broken: b }) => d.file.endsWith(file) || d.file.endsWith(b)))).toEqual([]);
}

describe('types of the packed package', { timeout: 180_000 }, () => {
  it('a strict React 19 app: wrappers from feelback/react and the plain tags typed by feelback/react/jsx', async () => {
    await checkFixture('tsc', 'react', ['app.tsx']);
  });

  it('a strict Vue 3 app checked by vue-tsc with strictTemplates (GlobalComponents from feelback/vue)', async () => {
    await checkFixture('vue-tsc', 'vue', ['App.vue']);
  });

  it('plain TypeScript with moduleResolution bundler: typed events on document, window and each element', async () => {
    await checkFixture('tsc', 'plain', ['main.ts']);
  });

  it('plain TypeScript with moduleResolution node10 finds the subpaths through typesVersions', async () => {
    await checkFixture('tsc', 'plain', ['main.ts'], 'tsconfig.node10.json');
  });
});
