import type { LitElement } from 'lit';
import type { CallbackRequest } from '../../src/components/callback-request/callback-request.js';
import type { FeelingPrompt } from '../../src/components/feeling-prompt/feeling-prompt.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { fillValid, submit } from '../support/callback-request.js';
import { pick } from '../support/feeling-prompt.js';
import { choose as chooseRating } from '../support/rating-bar.js';

/**
 * Every feelback element, as a table the hardening suites iterate: what it is
 * called, which attributes show their value as visible text, which take other
 * values, and which object properties carry site-supplied text.
 */
export interface ElementFixture {
  tag: 'feelback-rating-bar' | 'feelback-feeling-prompt' | 'feelback-callback-request';
  /** Attributes whose value is shown verbatim as text (and where: a CSS selector in the shadow root). */
  textAttributes: Record<string, string>;
  /** Attributes that take other kinds of values; hostile text must fall back, never throw. */
  otherAttributes: string[];
  /** Object properties that carry site text, built from one hostile string. */
  textProperties: Record<string, (text: string) => unknown>;
  /** Properties that let a test answer at once (the call-back form's minimum fill time, say). */
  answerable: Record<string, unknown>;
  /** Gives an answer as a visitor would, through the element's harness; it reaches the transport. */
  answer: (element: LitElement) => Promise<void>;
}

export const ELEMENT_FIXTURES: ElementFixture[] = [
  {
    tag: 'feelback-rating-bar',
    textAttributes: { question: '[part~="question"]', 'low-label': '[part~="low-label"]', 'high-label': '[part~="high-label"]' },
    otherAttributes: ['widget-id', 'endpoint', 'theme', 'scale', 'min', 'max', 'value', 'name', 'max-length', 'comment', 'disabled', 'required', 'lang', 'dir'],
    textProperties: {
      strings: (text) => ({ thanks: text, send: text, stars: text }),
      metadata: (text) => ({ [text]: text, nested: { text } }),
    },
    answerable: {},
    answer: (element) => chooseRating(element as RatingBar, 0),
  },
  {
    tag: 'feelback-feeling-prompt',
    textAttributes: { question: '[part~="question"]' },
    otherAttributes: ['widget-id', 'endpoint', 'theme', 'comment', 'no-comment', 'offer-callback', 'max-length', 'disabled', 'lang', 'dir'],
    textProperties: {
      strings: (text) => ({ question: text, feelingAngry: text, skip: text }),
      metadata: (text) => ({ [text]: text }),
      feelings: (text) => [
        { id: `${text}-a`, label: `${text} a`, score: -1, glyph: text },
        { id: `${text}-b`, label: `${text} b`, score: 1 },
      ],
    },
    answerable: {},
    answer: (element) => pick(element as FeelingPrompt, 'Angry'),
  },
  {
    tag: 'feelback-callback-request',
    textAttributes: { heading: '[part~="heading"]', 'consent-label': 'label' },
    otherAttributes: ['widget-id', 'endpoint', 'theme', 'min-fill-ms', 'reply-to', 'cancelable', 'disabled', 'lang', 'dir'],
    textProperties: {
      strings: (text) => ({ heading: text, intro: text, submit: text }),
      metadata: (text) => ({ [text]: text }),
      windows: (text) => [
        { id: `${text}-1`, label: `${text} one`, when: text },
        { id: `${text}-2`, label: `${text} two` },
      ],
    },
    answerable: { minFillMs: 0 },
    answer: async (element) => {
      await fillValid(element as CallbackRequest);
      await submit(element as CallbackRequest);
    },
  },
];

/**
 * Fragments that break naive code: markup and script in every quoting style,
 * template syntaxes, placeholder names, control characters, bidi overrides,
 * lone surrogates, emoji sequences, right-to-left text, prototype keys.
 */
export const HOSTILE_FRAGMENTS = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<script>globalThis.__pwned=1</script>',
  '"><svg onload=globalThis.__pwned=1>',
  "'><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  '<b>bold</b>',
  '<!--',
  '-->',
  ']]>',
  '${globalThis.__pwned=1}',
  '{{constructor.constructor("globalThis.__pwned=1")()}}',
  '{n}',
  '{max}',
  '{label}',
  '{constructor}',
  '&lt;b&gt;&amp;',
  'javascript:globalThis.__pwned=1',
  'data:text/html,<script>alert(1)</script>',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u0085',
  '\u202e',
  '\u200f',
  '\u2028',
  'مرحبا بك',
  'שלום עולם',
  '👩🏽‍💻',
  '🇺🇳',
  'e\u0301',
  '\ud800',
  '\udfff',
  '\n',
  '\t',
  '   ',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e309',
  '0x10',
];

/** A random hostile string: one to four fragments mixed with random code points, now and then very long. */
export function hostileString(random: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.6) parts.push(HOSTILE_FRAGMENTS[Math.floor(random() * HOSTILE_FRAGMENTS.length)]!);
    else if (roll < 0.9) parts.push(String.fromCodePoint(Math.floor(random() * 0x2ffff)).replace(/[\ud800-\udfff]/g, ''));
    else parts.push('x'.repeat(2000 + Math.floor(random() * 4000)));
  }
  return parts.join(random() < 0.5 ? ' ' : '');
}
