// docs/reference/<element>.md are generated from custom-elements.json by build/docs.mjs;
// the committed pages must match what the current JSDoc produces.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocs } from '../../build/docs.mjs';
import { readManifest } from '../../build/manifest-read.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const pages = renderDocs(readManifest(new URL(`file://${ROOT}/`)));

describe('generated element docs', () => {
  it('has one page per element', () => {
    expect([...pages.keys()].sort()).toEqual(['callback-request.md', 'feeling-prompt.md', 'launcher.md', 'rating-bar.md']);
  });

  for (const [file, text] of pages) {
    it(`docs/reference/${file} is up to date (run \`npm run docs\` after changing the JSDoc)`, () => {
      const path = join(ROOT, 'docs/reference', file);
      expect(existsSync(path), `docs/reference/${file} exists`).toBe(true);
      expect(readFileSync(path, 'utf8')).toBe(text);
    });

    it(`docs/reference/${file} lists attributes, events with detail types, parts and CSS properties`, () => {
      for (const heading of ['## Attributes', '## Properties', '## Events', '## CSS parts', '## CSS custom properties', '## Slots']) {
        expect(text).toContain(heading);
      }
      if (file === 'launcher.md') {
        expect(text).toContain('| `feelback-show` | `CustomEvent<FeelbackShowDetail>` |');
        expect(text).toContain('| `feelback-dismiss` | `CustomEvent<FeelbackDismissDetail>` |');
        expect(text).toContain("| `display` | `display` | `'popover' \\| 'modal' \\| 'tab' \\| 'inline'` | `'popover'` |");
        expect(text).toContain('| `answered-days` |  | `number` | `90` |');
      } else {
        expect(text).toMatch(/`feelback-submit` \| `CustomEvent<FeelbackSubmitDetail>`/);
      }
      expect(text).toContain('`--feelback-accent`');
      expect(text).toContain('`base`');
    });
  }
});
