import { utf8Length } from '../internal/utf8.js';

/**
 * Most bytes of `metadata` one event carries, as UTF-8 JSON. A beacon body must
 * stay under 64 KB and a batch holds up to 20 events, so a few KB each leaves
 * room for the answer and its context.
 */
export const METADATA_MAX_BYTES = 4096;

/** Deeper nesting than this is dropped: metadata is for labels, not object graphs. */
const MAX_DEPTH = 8;

export type MetadataProblemReporter = (problems: string[]) => void;

interface Walk {
  /** Objects on the path from the root to the value being copied, to spot cycles. */
  ancestors: Set<object>;
  dropped: string[];
}

const UNSENDABLE = Symbol('unsendable');

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(path: string, why: string): string {
  return path ? `${path} (${why})` : `everything (${why})`;
}

/** A JSON-safe copy of one value, or UNSENDABLE with the reason recorded. */
function copyValue(value: unknown, path: string, depth: number, walk: Walk): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      walk.dropped.push(describe(path, String(value)));
      return UNSENDABLE;
    case 'undefined':
      // Not a problem: `undefined` is how a site removes a key set by an earlier configure().
      return UNSENDABLE;
    case 'function':
    case 'symbol':
    case 'bigint':
      walk.dropped.push(describe(path, `a ${typeof value}`));
      return UNSENDABLE;
    case 'object':
      break;
  }
  if (value === null) return null;
  const object = value as object;
  if (object instanceof Date) {
    const time = object.getTime();
    if (Number.isFinite(time)) return object.toISOString();
    walk.dropped.push(describe(path, 'an invalid date'));
    return UNSENDABLE;
  }
  if (walk.ancestors.has(object)) {
    walk.dropped.push(describe(path, 'a circular reference'));
    return UNSENDABLE;
  }
  if (depth >= MAX_DEPTH) {
    walk.dropped.push(describe(path, `nested deeper than ${MAX_DEPTH}`));
    return UNSENDABLE;
  }
  if (!Array.isArray(object) && !isPlainObject(object)) {
    // Elements, Maps, class instances: JSON would send `{}` or walk a whole DOM tree.
    walk.dropped.push(describe(path, `a ${object.constructor?.name ?? 'non-plain object'}`));
    return UNSENDABLE;
  }
  walk.ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return object.map((item, index) => {
        const copied = copyValue(item, `${path}[${index}]`, depth + 1, walk);
        // JSON turns holes in arrays into null; keep indexes stable the same way.
        return copied === UNSENDABLE ? null : copied;
      });
    }
    return copyEntries(object as Record<string, unknown>, path, depth, walk);
  } finally {
    walk.ancestors.delete(object);
  }
}

function copyEntries(object: Record<string, unknown>, path: string, depth: number, walk: Walk): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const keyPath = path ? `${path}.${key}` : key;
    let value: unknown;
    try {
      value = object[key];
    } catch {
      walk.dropped.push(describe(keyPath, 'a getter that threw'));
      continue;
    }
    const copied = copyValue(value, keyPath, depth + 1, walk);
    if (copied === UNSENDABLE) continue;
    // defineProperty, not assignment, so a "__proto__" key stays data and never swaps the prototype.
    Object.defineProperty(copy, key, { value: copied, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * A JSON-safe plain-object copy of site-supplied metadata: functions, symbols,
 * non-finite numbers, circular references, class instances (DOM nodes, Maps)
 * and over-deep nesting are dropped; dates become ISO strings. Never throws.
 * `report` hears what was dropped, if anything.
 */
export function toJsonSafeMetadata(
  metadata: unknown,
  report?: MetadataProblemReporter,
): Record<string, unknown> | undefined {
  if (metadata === undefined || metadata === null) return undefined;
  const walk: Walk = { ancestors: new Set(), dropped: [] };
  let copy: Record<string, unknown> | undefined;
  try {
    if (typeof metadata !== 'object' || Array.isArray(metadata) || !isPlainObject(metadata)) {
      walk.dropped.push(describe('', 'not a plain object'));
    } else {
      walk.ancestors.add(metadata);
      copy = copyEntries(metadata as Record<string, unknown>, '', 0, walk);
    }
  } catch {
    // A Proxy can throw from ownKeys or getPrototypeOf; nothing of it is trusted then.
    walk.dropped.push(describe('', 'could not be read'));
    copy = undefined;
  }
  if (walk.dropped.length > 0) report?.(walk.dropped);
  return copy;
}

/**
 * Keeps whole top-level keys, in order, while the JSON stays within `maxBytes`;
 * the keys that do not fit are reported and dropped.
 */
export function capMetadataSize(
  metadata: Record<string, unknown>,
  maxBytes: number = METADATA_MAX_BYTES,
  report?: MetadataProblemReporter,
): Record<string, unknown> {
  if (utf8Length(JSON.stringify(metadata)) <= maxBytes) return metadata;
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  let bytes = 2; // the braces
  for (const key of Object.keys(metadata)) {
    const entry = utf8Length(`${JSON.stringify(key)}:${JSON.stringify(metadata[key])}`) + (bytes > 2 ? 1 : 0);
    if (bytes + entry > maxBytes) {
      dropped.push(describe(key, `over the ${maxBytes}-byte metadata limit`));
      continue;
    }
    bytes += entry;
    Object.defineProperty(kept, key, { value: metadata[key], enumerable: true, writable: true, configurable: true });
  }
  report?.(dropped);
  return kept;
}

/**
 * The `metadata` an event carries: the page-wide metadata from `configure()`
 * with the element's own over it, key by key (the element wins), made
 * JSON-safe and capped at {@link METADATA_MAX_BYTES}. `undefined` when empty.
 *
 * `warn` is called with one sentence per source that had something dropped.
 */
export function mergeMetadata(
  pageWide: unknown,
  own: unknown,
  ownLabel: string,
  warn: (message: string) => void,
): Record<string, unknown> | undefined {
  const reporter = (label: string) => (problems: string[]) => {
    const shown = problems.slice(0, 5).join(', ');
    const more = problems.length > 5 ? ` and ${problems.length - 5} more` : '';
    warn(`${label} metadata: dropped ${shown}${more}; only JSON-safe values within ${METADATA_MAX_BYTES} bytes are sent.`);
  };
  const merged = {
    ...toJsonSafeMetadata(pageWide, reporter('configure()')),
    ...toJsonSafeMetadata(own, reporter(ownLabel)),
  };
  if (Object.keys(merged).length === 0) return undefined;
  return capMetadataSize(merged, METADATA_MAX_BYTES, reporter(ownLabel));
}
