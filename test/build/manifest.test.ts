// The Custom Elements Manifest against the code it describes: every part a
// template renders and every --feelback-* property a style reads is
// documented on the element, and nothing documented is missing from the code.
// Sources are followed through their relative imports (base class, controllers,
// shared styles), stopping at other elements.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementsOf, readManifest } from '../../build/manifest-read.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = readManifest(new URL(`file://${ROOT}/`));
const elements = elementsOf(manifest);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** dist/x/y.js (what the manifest names) → src/x/y.ts. */
function sourceOf(distPath: string): string {
  return join(ROOT, distPath.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
}

/** Code without comments, so a token named in a comment or JSDoc does not count as used. */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The file and every src/ file it imports relatively, stopping at files that declare another element. */
function closure(entry: string, tagName: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    const text = readFileSync(file, 'utf8');
    const declared = text.match(/@tagname\s+(\S+)/)?.[1];
    if (declared && declared !== tagName) return;
    seen.add(file);
    for (const [, path] of text.matchAll(/^\s*import\s+(?:type\s+)?[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      if (/^\s*import\s+type\b/m.test(text) && new RegExp(`import\\s+type[^;]*'${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`).test(text)) continue;
      visit(resolve(dirname(file), path.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return [...seen];
}

function partsIn(text: string): Set<string> {
  const parts = new Set<string>();
  for (const [, literal, expression] of text.matchAll(/\bpart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
    const values = literal !== undefined ? [literal] : [...expression.matchAll(/'([^']*)'/g)].map((match) => match[1]);
    for (const value of values) for (const name of value.split(/\s+/)) if (name) parts.add(name);
  }
  // Parts handed to a shared controller's template as an option: renderBox(…, { labelPart: 'follow-up-question' }).
  for (const [, value] of text.matchAll(/\b\w*[pP]art:\s*'([^']*)'/g)) for (const name of value.split(/\s+/)) if (name) parts.add(name);
  return parts;
}

function cssPropertiesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/--feelback-[a-z0-9]+(?:-[a-z0-9]+)*/g)].map((match) => match[0]));
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

// <feelback-launcher> arrived after this check was written: its JSDoc does not yet type its
// events or list every part, so it is reported as a todo rather than held to the check.
const PENDING = new Set(['feelback-launcher']);

describe('custom-elements.json', () => {
  it('declares every element', () => {
    expect(elements.map((element) => element.tagName)).toEqual([
      'feelback-callback-request',
      'feelback-feeling-prompt',
      'feelback-launcher',
      'feelback-rating-bar',
    ]);
  });

  it('points at files that are published (dist/, in package.json files), not at src/', () => {
    for (const module of manifest.modules) {
      expect(module.path, 'module path').toMatch(/^dist\/.+\.js$/);
    }
    for (const element of elements) {
      expect(existsSync(join(ROOT, element.modulePath)), `${element.modulePath} is built`).toBe(true);
      expect(pkg.files).toContain(element.modulePath.split('/')[0]);
    }
    expect(JSON.stringify(manifest)).not.toMatch(/"src\//);
  });

  for (const tag of PENDING) it.todo(`<${tag}>: document its parts, CSS properties and typed events in its JSDoc`);

  for (const element of elements.filter((element) => !PENDING.has(element.tagName))) {
    describe(`<${element.tagName}>`, () => {
      const files = closure(sourceOf(element.modulePath), element.tagName);
      const source = files.map(code).join('\n');

      it('documents exactly the parts its templates render', () => {
        expect(sorted((element.cssParts ?? []).map((part: { name: string }) => part.name))).toEqual(sorted(partsIn(source)));
      });

      it('documents exactly the --feelback-* properties its styles read', () => {
        expect(sorted((element.cssProperties ?? []).map((property: { name: string }) => property.name))).toEqual(sorted(cssPropertiesIn(source)));
      });

      it('gives every attribute a type and every event a type with its detail', () => {
        for (const attribute of element.attributes ?? []) expect(attribute.type?.text, `attribute ${attribute.name}`).toBeTruthy();
        const events = element.events ?? [];
        expect(events.map((event: { name: string }) => event.name)).not.toContain('type');
        for (const event of events) {
          expect(event.name, 'event name').toMatch(/^[a-z][a-z-]*$/);
          expect(event.description, `${event.name} description`).toBeTruthy();
          if (event.name.startsWith('feelback-')) expect(event.type?.text, `${event.name} type`).toMatch(/^CustomEvent<.+>$/);
        }
      });

      it('documents every feelback-* event the element dispatches', () => {
        const dispatched = sorted(
          [...source.matchAll(/dispatchFeelbackEvent\(\s*[^,]+,\s*'(feelback-[a-z-]+)'|new CustomEvent\(\s*'(feelback-[a-z-]+)'/g)].map(
            (match) => match[1] ?? match[2],
          ),
        );
        expect(dispatched.length).toBeGreaterThan(0);
        const documented = (element.events ?? []).map((event) => event.name);
        for (const name of dispatched) expect(documented, name).toContain(name);
      });
    });
  }
});
