// What `feelback/<element>` and `feelback/<element>/class` give an npm user, checked against
// the sources those dist paths are built from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, { types: string; default: string }>;
  sideEffects: string[];
};
const ELEMENTS = [
  ['rating-bar', 'RatingBar'],
  ['feeling-prompt', 'FeelingPrompt'],
  ['callback-request', 'CallbackRequest'],
] as const;

describe('package exports', () => {
  it.each(ELEMENTS)('feelback/%s points at the define module; /class at the class; both type as the class', (name) => {
    expect(pkg.exports[`./${name}`]).toEqual({
      types: `./dist/components/${name}/${name}.d.ts`,
      default: `./dist/define/${name}.js`,
    });
    expect(pkg.exports[`./${name}/class`]).toEqual({
      types: `./dist/components/${name}/${name}.d.ts`,
      default: `./dist/components/${name}/${name}.js`,
    });
  });

  it('only the define modules and the entry bundles are marked as having side effects', () => {
    expect(pkg.sideEffects).toEqual(expect.arrayContaining(['./dist/define/*.js', './dist/index.js', './dist/feelback.min.js']));
    expect(pkg.sideEffects.filter((path) => path.includes('/components/'))).toEqual([]);
  });

  it('importing the class modules defines no tag; importing the define modules defines each, with the same class', async () => {
    for (const [name, className] of ELEMENTS) {
      const module = (await import(`../../src/components/${name}/${name}.ts`)) as Record<string, CustomElementConstructor>;
      expect(customElements.get(`feelback-${name}`)).toBeUndefined();
      const defined = (await import(`../../src/define/${name}.ts`)) as Record<string, CustomElementConstructor>;
      expect(customElements.get(`feelback-${name}`)).toBe(module[className]);
      expect(defined[className]).toBe(module[className]);
    }
  }, 60_000); // first imports transform Lit and every module: slow on a busy machine, not a measure of anything
});
