import { describe, expect, it } from 'vitest';
import { callbackRequestStrings } from '../../src/components/callback-request/strings.js';
import { feelingPromptStrings } from '../../src/components/feeling-prompt/strings.js';
import { launcherStrings } from '../../src/components/launcher/strings.js';
import { ratingBarStrings } from '../../src/components/rating-bar/strings.js';
import { BUILT_IN_LOCALES } from '../../src/i18n/load-locale.js';

const ENGLISH: Record<string, Record<string, string>> = {
  'rating-bar': ratingBarStrings,
  'feeling-prompt': feelingPromptStrings,
  'callback-request': callbackRequestStrings,
  launcher: { ...launcherStrings },
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('built-in locale tables', () => {
  it('ship the languages the docs promise, each as its own module', () => {
    expect(Object.keys(BUILT_IN_LOCALES).sort()).toEqual(['ar', 'de', 'es', 'fr', 'he', 'ja', 'pt']);
  });

  describe.each(Object.keys(BUILT_IN_LOCALES))('%s', (language) => {
    it('translates every English message of every element, and nothing else', async () => {
      const { default: table } = await BUILT_IN_LOCALES[language]();
      expect(Object.keys(table).sort()).toEqual(Object.keys(ENGLISH).sort());
      for (const [namespace, english] of Object.entries(ENGLISH)) {
        expect(Object.keys(table[namespace]).sort(), `${language} ${namespace}`).toEqual(Object.keys(english).sort());
      }
    });

    it('keeps every placeholder and leaves no message empty or untranslated', async () => {
      const { default: table } = await BUILT_IN_LOCALES[language]();
      for (const [namespace, english] of Object.entries(ENGLISH)) {
        for (const [key, source] of Object.entries(english)) {
          const translated = table[namespace][key];
          expect(translated.trim(), `${language} ${namespace}.${key}`).not.toBe('');
          expect(placeholders(translated), `${language} ${namespace}.${key}`).toEqual(placeholders(source));
        }
        // Identical to English is fine for a word like "Neutral"; a whole sentence is a missed translation.
        const untranslated = Object.keys(english).filter((key) => table[namespace][key] === english[key] && english[key].includes(' '));
        expect(untranslated, `${language} ${namespace}`).toEqual([]);
      }
    });
  });
});
