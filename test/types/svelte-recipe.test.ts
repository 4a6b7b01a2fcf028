// The README's Svelte 5 recipe, compiled by Svelte's own compiler: no
// warnings, `metadata` handed to the element as custom-element data (Svelte
// sets a property when the element has one), and `onfeelback-change` a
// listener for `feelback-change`. (svelte-check's type pass is not run: the
// plain tags are typed by the DOM maps this package augments.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const source = readFileSync(join(import.meta.dirname, 'fixtures/svelte/App.svelte'), 'utf8');

describe('Svelte 5 recipe', () => {
  const { js, warnings } = compile(source, { generate: 'client', name: 'App', filename: 'App.svelte' });

  it('compiles without warnings', () => {
    expect(warnings.map((warning) => warning.message)).toEqual([]);
  });

  it('passes metadata as element data and listens for feelback-change', () => {
    expect(js.code).toMatch(/set_custom_element_data\(\w+, 'metadata', metadata\)/);
    expect(js.code).toMatch(/\$\.event\('feelback-change', \w+, onChange\)/);
  });
});
