import { COMMENT_MAX_LENGTH, stripControlCharacters } from '../context/event.js';
import { warnAttribute } from '../internal/warn.js';

/** The largest `max-length` a comment box accepts: `max-length="1e12"` must not let megabytes into an event. */
export const COMMENT_MAX_LENGTH_LIMIT = 10_000;

/**
 * The comment cap for a `max-length` value: the default when the attribute was
 * removed (it then reads as null, which asks for the default and is not a bad
 * value), the value itself when it is a whole number from 1 to 10000, else the
 * default with one warning.
 */
export function commentCap(tag: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return COMMENT_MAX_LENGTH;
  if (Number.isInteger(value) && value >= 1 && value <= COMMENT_MAX_LENGTH_LIMIT) return value;
  warnAttribute(tag, 'max-length', value, `a whole number from 1 to ${COMMENT_MAX_LENGTH_LIMIT}`, String(COMMENT_MAX_LENGTH));
  return COMMENT_MAX_LENGTH;
}

/**
 * What a comment box keeps of what was just typed or pasted: control
 * characters out (invisible, never sent, and they would use up the cap), then
 * at most `cap` characters, counted as the visitor counts them (an emoji is
 * one, unlike native `maxlength`'s UTF-16 units). `reachedLimit` is true for
 * the input that first reached the cap, so it can be announced once.
 */
export function fitComment(typed: string, cap: number, before: string): { text: string; reachedLimit: boolean } {
  const characters = Array.from(stripControlCharacters(typed));
  return {
    text: characters.slice(0, cap).join(''),
    reachedLimit: characters.length >= cap && Array.from(before).length < cap,
  };
}
