import type { LauncherRecord, PageRecord } from './decide.js';

/**
 * Where launchers keep what they know about this visitor: one small JSON
 * record per launcher id plus one page-wide record, in `localStorage` so the
 * waits survive reloads and hold in every tab. Reads go to storage each time,
 * so another tab's answer or dismiss counts at once. Where storage is missing
 * or throws (private modes, a full quota, a sandboxed frame), records live in
 * memory for this page and nothing is thrown.
 *
 * Only times and a random draw are stored: never an answer, never personal data.
 */
export interface LauncherStateStore {
  read(id: string): LauncherRecord;
  write(id: string, record: LauncherRecord): void;
  readPage(): PageRecord;
  writePage(record: PageRecord): void;
  /** Forgets one launcher's record. */
  forget(id: string): void;
  /** Calls `listener(id)` when another tab changes a launcher's record; returns the unsubscribe function. */
  onExternalChange(listener: (id: string) => void): () => void;
}

export const KEY_PREFIX = 'feelback:launcher:';
export const PAGE_KEY = 'feelback:launchers';

function parse<T extends object>(text: string | null | undefined): T {
  if (!text) return {} as T;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : ({} as T);
  } catch {
    return {} as T;
  }
}

function storageOrUndefined(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** A store over `storage` (default: `localStorage`), falling back to memory per key when it throws. */
export function createStateStore(storage: Storage | undefined = storageOrUndefined(), target: EventTarget | undefined = globalThis.window): LauncherStateStore {
  const memory = new Map<string, string>();

  // Only what storage refused lives here; a key in memory shadows the stored one for this page.
  const get = (key: string): string | null | undefined => {
    if (memory.has(key)) return memory.get(key);
    try {
      return storage?.getItem(key);
    } catch {
      return undefined;
    }
  };
  const set = (key: string, value: string | undefined): void => {
    try {
      if (!storage) throw new Error('no storage');
      if (value === undefined) storage.removeItem(key);
      else storage.setItem(key, value);
      memory.delete(key);
    } catch {
      // Quota or blocked storage: keep this page consistent in memory.
      if (value === undefined) memory.delete(key);
      else memory.set(key, value);
    }
  };

  return {
    read: (id) => parse<LauncherRecord>(get(KEY_PREFIX + id)),
    write: (id, record) => set(KEY_PREFIX + id, JSON.stringify(record)),
    readPage: () => parse<PageRecord>(get(PAGE_KEY)),
    writePage: (record) => set(PAGE_KEY, JSON.stringify(record)),
    forget: (id) => set(KEY_PREFIX + id, undefined),
    onExternalChange(listener) {
      if (!target) return () => {};
      const handle = (event: Event): void => {
        const key = (event as StorageEvent).key;
        if (key?.startsWith(KEY_PREFIX)) {
          // What the other tab wrote wins over this page's memory copy.
          memory.delete(key);
          listener(key.slice(KEY_PREFIX.length));
        }
      };
      target.addEventListener('storage', handle);
      return () => target.removeEventListener('storage', handle);
    },
  };
}
