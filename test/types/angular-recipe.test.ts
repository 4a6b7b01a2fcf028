// The README's Angular recipe, compiled by Angular's own compiler
// (@angular/compiler-cli, what `ngc` runs) with strictTemplates against the
// packed package (`npm pack`, unpacked into .cache/angular/node_modules/feelback).
//
// What Angular checks on a custom element under CUSTOM_ELEMENTS_SCHEMA: that
// the element is allowed at all, and, with strictTemplates, the type of
// `$event` in an event binding, taken from the element's event map (this
// package augments HTMLElementTagNameMap and the event maps), so a handler
// for the wrong event, or a misspelled event name, fails to compile. What it
// does not check: the name or type of a bound property or attribute (the
// schema allows any); the README says so, and the last test holds it to that.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performCompilation, readConfiguration } from '@angular/compiler-cli';
import type { Diagnostic } from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { installPacked } from './support/pack.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, '.cache/angular');
const FIXTURE = join(import.meta.dirname, 'fixtures/angular');
const APP = join(CACHE, 'angular');
const RECIPE = 'checkout.component.ts';

const recipe = readFileSync(join(FIXTURE, RECIPE), 'utf8');

/** The recipe with one mistake in it; every `[from, to]` must apply, so a changed recipe cannot yield an unchanged variant. */
function variant(...edits: Array<[string, string]>): string {
  return edits.reduce((source, [from, to]) => {
    if (!source.includes(from)) throw new Error(`the recipe no longer contains ${JSON.stringify(from)}: update this variant`);
    return source.replace(from, to);
  }, recipe);
}

/** Mistakes a user could make in the recipe, each written to `<name>.ts` and compiled in the same program. */
const VARIANTS = {
  // A handler written for another event: `$event` is a FeelbackSubmitEvent.
  'wrong-handler-type': variant(
    ['import type { FeelbackSubmitEvent }', 'import type { FeelbackChangeEvent }'],
    ['onSubmit(event: FeelbackSubmitEvent) { console.log(event.detail.event); }', 'onSubmit(event: FeelbackChangeEvent<number>) { console.log(event.detail.value); }'],
  ),
  // The handler bound to another event: the rating bar's feelback-change is a FeelbackChangeEvent<number>.
  'wrong-event': variant(['(feelback-submit)', '(feelback-change)']),
  // An event name no map knows: `$event` is a plain Event.
  'misspelled-event': variant(['(feelback-submit)', '(feelback-sumbit)']),
  // Without the schema Angular refuses the unknown element.
  'no-schema': variant(['  schemas: [CUSTOM_ELEMENTS_SCHEMA],\n', '']),
  // Not checked under CUSTOM_ELEMENTS_SCHEMA (as the README says).
  'misspelled-property': variant(['[metadata]="metadata"', '[metdata]="metadata"']),
  'wrong-property-type': variant(['[metadata]="metadata"', '[metadata]="42"']),
};

interface Found {
  line: number;
  code: string;
  text: string;
}

const found = new Map<string, Found[]>();
let emitted = '';

/** `TS2345`, or `NG8001` for Angular's own diagnostics (reported as -99xxxxx). */
function codeOf(diagnostic: Diagnostic): string {
  return diagnostic.code < 0 ? `NG${String(-diagnostic.code).slice(-4)}` : `TS${diagnostic.code}`;
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.messageText === 'string' ? diagnostic.messageText : diagnostic.messageText.messageText;
}

/** 1-based line of the first line of `source` that contains `text`. */
function lineOf(source: string, text: string): number {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`${JSON.stringify(text)} not found`);
  return index + 1;
}

beforeAll(async () => {
  await installPacked(CACHE);
  cpSync(FIXTURE, APP, { recursive: true });

  // The recipe as a user builds it (ngc emits only a program without errors), then the mistakes in one program.
  const config = JSON.parse(readFileSync(join(APP, 'tsconfig.json'), 'utf8'));
  for (const [name, source] of Object.entries(VARIANTS)) writeFileSync(join(APP, `${name}.ts`), source);
  writeFileSync(
    join(APP, 'tsconfig.mistakes.json'),
    JSON.stringify({ ...config, compilerOptions: { ...config.compilerOptions, noEmit: true }, files: Object.keys(VARIANTS).map((name) => `${name}.ts`) }),
  );
  for (const project of ['tsconfig.json', 'tsconfig.mistakes.json']) {
    const { rootNames, options, errors, emitFlags } = readConfiguration(join(APP, project));
    expect(errors.map(messageOf)).toEqual([]);
    expect(options.strictTemplates).toBe(true);
    const { diagnostics } = performCompilation({ rootNames, options, emitFlags });
    for (const diagnostic of diagnostics) {
      const file = diagnostic.file?.fileName.split('/').at(-1)?.replace(/\.ts$/, '') ?? '(no file)';
      const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
      found.set(file, [...(found.get(file) ?? []), { line, code: codeOf(diagnostic), text: messageOf(diagnostic) }]);
    }
  }
  const output = join(APP, 'out', RECIPE.replace(/\.ts$/, '.js'));
  emitted = existsSync(output) ? readFileSync(output, 'utf8') : '';
}, 90_000);

describe('Angular recipe (README "### Angular")', () => {
  it('is the code the README shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.match(/^### Angular\n+```ts\n([\s\S]*?)```/m)?.[1];
    expect(block, 'README has a ```ts block under ### Angular').toBeDefined();
    expect(block).toBe(recipe);
  });

  it('compiles with strictTemplates without a diagnostic', () => {
    expect(found.get(RECIPE.replace(/\.ts$/, '')) ?? []).toEqual([]);
    expect([...found.keys()].filter((file) => file !== RECIPE.replace(/\.ts$/, '') && !(file in VARIANTS))).toEqual([]);
  });

  it('sets metadata as a property and listens for feelback-submit in the emitted code', () => {
    expect(emitted).toMatch(/ɵɵ(?:dom)?[pP]roperty\("metadata", ctx\.metadata\)/);
    expect(emitted).toMatch(/ɵɵ(?:dom)?[lL]istener\("feelback-submit", function \w+\(\$event\) \{ return ctx\.onSubmit\(\$event\); \}/);
    // The static attributes stay attributes.
    expect(emitted).toMatch(/\["scale", "nps", "widget-id", "checkout"/);
  });

  it('rejects a handler written for another event', () => {
    const line = lineOf(VARIANTS['wrong-handler-type'], '(feelback-submit)');
    expect(found.get('wrong-handler-type')).toEqual([
      { line, code: 'TS2345', text: "Argument of type 'FeelbackSubmitEvent' is not assignable to parameter of type 'FeelbackChangeEvent<number>'." },
    ]);
  });

  it("rejects the handler on another event (feelback-change, typed for the rating bar)", () => {
    const line = lineOf(VARIANTS['wrong-event'], '(feelback-change)');
    expect(found.get('wrong-event')).toEqual([
      { line, code: 'TS2345', text: "Argument of type 'FeelbackChangeEvent<number>' is not assignable to parameter of type 'FeelbackSubmitEvent'." },
    ]);
  });

  it('rejects a misspelled event name (its $event is a plain Event)', () => {
    const line = lineOf(VARIANTS['misspelled-event'], '(feelback-sumbit)');
    expect(found.get('misspelled-event')).toEqual([
      { line, code: 'TS2345', text: "Argument of type 'Event' is not assignable to parameter of type 'FeelbackSubmitEvent'." },
    ]);
  });

  it('refuses the element without CUSTOM_ELEMENTS_SCHEMA', () => {
    expect(found.get('no-schema')?.map((diagnostic) => diagnostic.code)).toContain('NG8001');
  });

  it('does not check bound property names or types under CUSTOM_ELEMENTS_SCHEMA (the README says so)', () => {
    expect(found.get('misspelled-property') ?? []).toEqual([]);
    expect(found.get('wrong-property-type') ?? []).toEqual([]);
  });
});
