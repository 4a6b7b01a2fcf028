// Cleaning what a visitor typed, kept apart from the wire format it ends up in.

/** Default cap on comment text, in characters (README, "Wire format"). */
export const COMMENT_MAX_LENGTH = 1000;

// C0 and C1 controls except tab, line feed and carriage return, which people type.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Removes control characters (pasted ones are invisible, and never sent) but keeps tabs and line breaks. */
export function stripControlCharacters(text: string): string {
  return String(text ?? '').replace(CONTROL_CHARACTERS, '');
}

/**
 * Cleans free text a visitor typed: strips control characters, trims, and caps
 * the length without cutting a surrogate pair (emoji stay whole).
 */
export function sanitizeText(text: string, maxLength: number = COMMENT_MAX_LENGTH): string {
  const cleaned = stripControlCharacters(text).trim();
  const characters = Array.from(cleaned);
  return characters.length <= maxLength ? cleaned : characters.slice(0, maxLength).join('');
}

/**
 * What a text box keeps of what was just typed or pasted: control characters
 * out (invisible, never sent, and they would use up the cap), then at most
 * `cap` characters, counted as the visitor counts them (an emoji is one,
 * unlike native `maxlength`'s UTF-16 units). `reachedLimit` is true for the
 * input that first reached the cap, so it can be announced once.
 */
export function fitText(typed: string, cap: number, before: string): { text: string; reachedLimit: boolean } {
  const characters = Array.from(stripControlCharacters(typed));
  return {
    text: characters.slice(0, cap).join(''),
    reachedLimit: characters.length >= cap && Array.from(before).length < cap,
  };
}

/** Characters as a person counts them: an emoji is one. */
export function countCharacters(text: string): number {
  return Array.from(text).length;
}
