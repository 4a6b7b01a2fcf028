// The rating bar's test harness: mount it, read what a visitor sees, act as a visitor does.
import '../../src/define/rating-bar.js';
import type { RatingBar } from '../../src/components/rating-bar/rating-bar.js';
import { mountElement, shadowAll, type Attributes, type MountOptions } from './dom.js';

/** Mounts `<feelback-rating-bar>` with `attributes` (e.g. `{ scale: 'nps', comment: true }`). */
export function mountRatingBar(attributes: Attributes = {}, options: MountOptions<RatingBar> = {}): Promise<RatingBar> {
  return mountElement<RatingBar>('feelback-rating-bar', attributes, options);
}

/** The score options, in order. */
export const radios = (element: RatingBar) => shadowAll(element, '[role="radio"]');
/** Each option's accessible name ("4 of 5 stars"). */
export const names = (element: RatingBar) => radios(element).map((radio) => radio.getAttribute('aria-label'));
/** The options that are checked (at most one). */
export const checked = (element: RatingBar) => radios(element).filter((radio) => radio.getAttribute('aria-checked') === 'true');

/** Commits the option at `index` with a click, as a pointer does, and waits for the render. */
export async function choose(element: RatingBar, index: number): Promise<void> {
  const option = radios(element)[index];
  if (!option) throw new Error(`no option ${index}`);
  option.click();
  await element.updateComplete;
}
