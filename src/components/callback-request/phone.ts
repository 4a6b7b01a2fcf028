/**
 * Phone numbers as people type them: "+44 (0)20 7946 0958", "020-7946-0958",
 * "(415) 555.0132". Accepted: 7 to 15 digits (E.164 allows at most 15), a `+`
 * only at the start, and spaces, dashes, dots and round brackets as separators.
 * Sent normalised: the optional `+` and the digits, nothing else.
 */

/** Fewest digits accepted: shorter strings are almost always a typo or a fragment. */
export const PHONE_MIN_DIGITS = 7;
/** Most digits accepted: the E.164 maximum. */
export const PHONE_MAX_DIGITS = 15;

/** Why a phone number was refused, so the message can say what to fix. */
export type PhoneProblem = 'empty' | 'characters' | 'plus' | 'too-short' | 'too-long';

export type PhoneCheck =
  | { valid: true; normalized: string; digits: number }
  | { valid: false; problem: PhoneProblem; digits: number };

// Whitespace covers the no-break and narrow spaces that copy-paste and some keyboards produce.
const ALLOWED = /^[\d\s+\-.()]*$/;
// "+44 (0)20…": the bracketed trunk zero is dialled at home but not from abroad, so it is not part of the number.
const INTERNATIONAL_TRUNK_ZERO = /\(\s*0\s*\)/;

/** Checks a typed phone number and, when it is acceptable, normalises it. Never throws. */
export function checkPhone(input: string): PhoneCheck {
  const text = String(input ?? '').trim();
  if (text === '') return { valid: false, problem: 'empty', digits: 0 };
  if (!ALLOWED.test(text)) return { valid: false, problem: 'characters', digits: countDigits(text) };
  if (text.lastIndexOf('+') > 0) return { valid: false, problem: 'plus', digits: countDigits(text) };
  const international = text.startsWith('+');
  const significant = international ? text.replace(INTERNATIONAL_TRUNK_ZERO, '') : text;
  const digits = significant.replace(/\D/g, '');
  if (digits.length < PHONE_MIN_DIGITS) return { valid: false, problem: 'too-short', digits: digits.length };
  if (digits.length > PHONE_MAX_DIGITS) return { valid: false, problem: 'too-long', digits: digits.length };
  return { valid: true, normalized: `${international ? '+' : ''}${digits}`, digits: digits.length };
}

/** The number as sent (`+` and digits), or `undefined` when it is not acceptable. */
export function normalizePhone(input: string): string | undefined {
  const result = checkPhone(input);
  return result.valid ? result.normalized : undefined;
}

/** Whether a typed phone number is acceptable. */
export function isValidPhone(input: string): boolean {
  return checkPhone(input).valid;
}

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}
