import { describe, expect, it, vi } from 'vitest';
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { mount, shadow } from '../support/dom.js';

async function barIn(lang: string): Promise<RatingBar> {
  // mount() waits on updateComplete, which a plain <div> lacks: awaiting undefined is fine.
  const container = await mount(`<div lang="${lang}"><feelback-rating-bar></feelback-rating-bar></div>`);
  const bar = container.querySelector('feelback-rating-bar') as RatingBar;
  await bar.updateComplete;
  return bar;
}

describe('the language of the text screen readers hear', () => {
  it('is the locale once its table is loaded', async () => {
    const bar = await barIn('de-AT');
    await vi.waitFor(() => expect(shadow(bar, '[part="base"]')?.getAttribute('lang')).toBe('de-AT'));
    expect(shadow(bar, '.question')?.textContent).not.toBe('How would you rate your experience?');
  });

  it('is English when the locale has no table and the text falls back to English', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bar = await barIn('nl');
    expect(shadow(bar, '.question')?.textContent).toBe('How would you rate your experience?');
    expect(shadow(bar, '[part="base"]')?.getAttribute('lang')).toBe('en');
    warn.mockRestore();
  });
});
