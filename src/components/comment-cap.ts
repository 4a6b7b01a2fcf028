import { COMMENT_MAX_LENGTH } from '../context/text.js';
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
