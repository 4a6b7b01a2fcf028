// Reading the Custom Elements Manifest: the elements it declares, with what
// they inherit already merged in by the analyzer. Shared by build/docs.mjs and
// build/editor-data.mjs.
import { readFileSync } from 'node:fs';

/** The manifest at the repository root; a clear error when it has not been built. */
export function readManifest(root = new URL('..', import.meta.url)) {
  try {
    return JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  } catch (error) {
    throw new Error(`custom-elements.json could not be read (${error.code ?? error.message}): run \`npm run manifest\` first.`, { cause: error });
  }
}

/** Every declared custom element (one with a tag name), sorted by tag. */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) elements.push({ ...declaration, modulePath: module.path });
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** Public instance fields that are not set by an attribute (objects, arrays, functions). */
export function propertiesWithoutAttribute(element) {
  const attributeFields = new Set((element.attributes ?? []).map((attribute) => attribute.fieldName));
  return (element.members ?? []).filter(
    (member) =>
      member.kind === 'field' &&
      !member.static &&
      (member.privacy ?? 'public') === 'public' &&
      !member.readonly &&
      !attributeFields.has(member.name) &&
      !member.name.startsWith('_'),
  );
}

/** Public instance methods a page calls (the platform's `…Callback` lifecycle hooks are not for callers). */
export function publicMethods(element) {
  return (element.members ?? []).filter(
    (member) => member.kind === 'method' && !member.static && (member.privacy ?? 'public') === 'public' && !member.name.endsWith('Callback'),
  );
}

/** A type's text without the `| undefined` that optional properties carry. */
export function typeText(type) {
  return (type?.text ?? '').replace(/\s*\|\s*undefined\b/g, '').trim();
}

/** String values a type allows, when it is a union of string literals: `'light' | 'dark'` → ['light', 'dark']. */
export function literalValues(type) {
  const text = typeText(type);
  const parts = text.split('|').map((part) => part.trim());
  return parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
}
