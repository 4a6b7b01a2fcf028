// The Custom Elements Manifest against the code it describes: every part a
// template renders and every --feelback-* property a style reads is
// documented on the element, and nothing documented is missing from the code.
// Sources are followed through their relative imports (base class, controllers,
// shared styles), stopping at other elements.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/** Text without comments, so a token named in a comment or JSDoc does not count as used. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** A file's code without comments. */
function code(file: string): string {
  return withoutComments(readFileSync(file, 'utf8'));
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
  // Parts set from code on elements built without a template (the launcher is a plain HTMLElement):
  // el.setAttribute('part', 'base'). Only string literals can be checked, so any other value is an error.
  for (const [call, value] of text.matchAll(/\.setAttribute\(\s*['"]part['"]\s*,\s*([^)]*)\)/g)) {
    const literal = value.trim().match(/^(['"])([^'"]*)\1$/);
    if (!literal) throw new Error(`cannot tell which part ${call} sets: give the part name as a string literal`);
    for (const name of literal[2].split(/\s+/)) if (name) parts.add(name);
  }
  return parts;
}

/** The attribute names a plain custom element lists in `static get observedAttributes() { return [...] }`. */
function observedAttributesIn(text: string): string[] | undefined {
  const list = text.match(/static\s+get\s+observedAttributes\(\)[^{]*\{\s*return\s*\[([^\]]*)\]/)?.[1];
  return list === undefined ? undefined : [...list.matchAll(/'([^']*)'/g)].map((match) => match[1]);
}

function cssPropertiesIn(text: string): Set<string> {
  return new Set([...text.matchAll(/--feelback-[a-z0-9]+(?:-[a-z0-9]+)*/g)].map((match) => match[0]));
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** An attribute value that must change a property now holding `current`, given the documented type. */
function differentValue(typeText: string, current: unknown): string {
  if (typeText === 'boolean') return current ? 'false' : '';
  if (/^number\b/.test(typeText)) return String(current === 7 ? 8 : 7);
  const literals = [...typeText.matchAll(/'([^']*)'/g)].map((match) => match[1]);
  return literals.find((literal) => literal !== current) ?? `not ${String(current)}`;
}

describe('the part scanner', () => {
  it('finds parts in Lit templates, controller options and setAttribute calls', () => {
    expect(sorted(partsIn("html`<div part=\"base x\"></div><p part=${cond ? 'on' : 'off'}></p>`"))).toEqual(['base', 'off', 'on', 'x']);
    expect(sorted(partsIn("renderBox(this, { labelPart: 'follow-up-question' })"))).toEqual(['follow-up-question']);
    expect(sorted(partsIn("panel.setAttribute('part', 'base'); tab.setAttribute(\"part\", \"tab tab-open\");"))).toEqual(['base', 'tab', 'tab-open']);
  });

  it('ignores other attributes and refuses a part it cannot read', () => {
    expect(sorted(partsIn("el.setAttribute('aria-label', 'close'); el.setAttribute('role', 'dialog')"))).toEqual([]);
    expect(sorted(partsIn(withoutComments("// el.setAttribute('part', 'gone')\n/* el.setAttribute('part', 'old') */")))).toEqual([]);
    expect(() => partsIn('el.setAttribute(\'part\', name)')).toThrow(/string literal/);
  });
});

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

  for (const element of elements) {
    describe(`<${element.tagName}>`, () => {
      const files = closure(sourceOf(element.modulePath), element.tagName);
      const source = files.map(code).join('\n');

      it('documents exactly the parts its templates render', () => {
        expect(sorted((element.cssParts ?? []).map((part: { name: string }) => part.name))).toEqual(sorted(partsIn(source)));
      });

      it('documents exactly the --feelback-* properties its styles read', () => {
        expect(sorted((element.cssProperties ?? []).map((property: { name: string }) => property.name))).toEqual(sorted(cssPropertiesIn(source)));
      });

      it('documents exactly the attributes a plain custom element observes', () => {
        const observed = observedAttributesIn(source);
        // Lit elements' attributes come from their `static properties`, which the analyzer reads itself.
        if (observed === undefined) {
          expect(source).toMatch(/\bextends\s+\w*(LitElement|FeedbackElement)\b/);
          return;
        }
        expect(sorted((element.attributes ?? []).map((attribute: { name: string }) => attribute.name))).toEqual(sorted(observed));
        for (const attribute of element.attributes ?? []) expect(attribute.description, `attribute ${attribute.name}`).toBeTruthy();
      });

      it('documents exactly the attributes a Lit element observes, each on the property it sets', async () => {
        if (observedAttributesIn(source) !== undefined) return; // a plain custom element: checked above
        if (!customElements.get(element.tagName)) {
          const module = await import(/* @vite-ignore */ sourceOf(element.modulePath));
          customElements.define(element.tagName, module[element.name]);
        }
        const observed = (customElements.get(element.tagName) as unknown as { observedAttributes: string[] }).observedAttributes;
        expect(sorted((element.attributes ?? []).map((attribute: { name: string }) => attribute.name))).toEqual(sorted(observed));
        for (const attribute of element.attributes ?? []) {
          const field = attribute.fieldName;
          expect(field, `attribute ${attribute.name} names its property`).toBeTruthy();
          if (!field) continue;
          const instance = document.createElement(element.tagName) as HTMLElement & Record<string, unknown>;
          const before = instance[field];
          instance.setAttribute(attribute.name, differentValue(attribute.type?.text ?? '', before));
          expect(instance[field], `attribute ${attribute.name} sets ${field}`).not.toEqual(before);
        }
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
          [...source.matchAll(/dispatchFeelbackEvent\(\s*[^,]+,\s*'(feelback-[a-z-]+)'|new CustomEvent(?:<[^>]*>)?\(\s*'(feelback-[a-z-]+)'/g)].map(
            (match) => match[1] ?? match[2],
          ),
        );
        expect(dispatched.length).toBeGreaterThan(0);
        const documented = (element.events ?? []).map((event) => event.name);
        for (const name of dispatched) expect(documented, name).toContain(name);
        for (const name of documented.filter((name: string) => name.startsWith('feelback-'))) expect(dispatched, `${name} is dispatched`).toContain(name);
      });
    });
  }
});
