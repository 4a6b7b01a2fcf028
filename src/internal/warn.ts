/**
 * The one place feelback formats warnings, so every message reads the same:
 * `feelback: <tag> attribute="value" is not …; using ….`
 * Each distinct message is logged once per page: fifty rating bars with the
 * same typo should not flood the console.
 */
const alreadyWarned = new Set<string>();

export function warnOnce(message: string): void {
  if (alreadyWarned.has(message)) return;
  alreadyWarned.add(message);
  console.warn(`feelback: ${message}`);
}

/** Warns that an attribute's value was rejected and names the fallback in use. */
export function warnAttribute(
  tag: string,
  attribute: string,
  value: unknown,
  expected: string,
  fallback: string,
): void {
  warnOnce(`<${tag}> ${attribute}="${String(value)}" is not ${expected}; using ${fallback}.`);
}

/** Test hook: forget which warnings were shown. */
export function resetWarnings(): void {
  alreadyWarned.clear();
}

/** Warns, once per page, that a public name still works but is on its way out. */
export function warnDeprecated(tag: string, name: string, replacement: string): void {
  warnOnce(`<${tag}> ${name} is deprecated; use ${replacement}. It still works for now.`);
}
