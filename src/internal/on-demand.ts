import { whenIdle } from './idle.js';
import { warnOnce } from './warn.js';

type Load = () => Promise<unknown>;

/** Tags whose code is not loaded yet, and how to load it. */
const loaders = new Map<string, Load>();
let observer: MutationObserver | undefined;

function handleMutations(records: MutationRecord[]): void {
  for (const tag of [...loaders.keys()]) {
    const appeared = records.some((record) =>
      [...record.addedNodes].some(
        (node) => node.nodeType === 1 && ((node as Element).localName === tag || (node as Element).getElementsByTagName(tag).length > 0),
      ),
    );
    if (appeared) requestElement(tag);
  }
}

/**
 * Defines `tag` from a file loaded when it is first needed: at once if the
 * document already holds such an element, when one is added to the document,
 * or when an element that may show one asks (`requestElement`). A file that
 * cannot load warns once; the element stays undefined and nothing throws.
 */
export function defineOnDemand(tag: string, load: Load): void {
  if (globalThis.customElements?.get(tag) || loaders.has(tag)) return;
  loaders.set(tag, load);
  const doc = globalThis.document;
  if (!doc) return;
  if (doc.getElementsByTagName(tag).length > 0) {
    requestElement(tag);
    return;
  }
  observer ??= new MutationObserver(handleMutations);
  observer.observe(doc, { childList: true, subtree: true });
}

/**
 * Loads `tag`'s code if it is defined on demand and not loaded yet (a no-op
 * otherwise, as in bundler builds, where every element is imported). With
 * `idle`, waits for the main thread to be idle first: for an element that may
 * be shown later, not now.
 */
export function requestElement(tag: string, { idle = false } = {}): void {
  const load = loaders.get(tag);
  if (!load) return;
  if (idle) {
    whenIdle(() => requestElement(tag));
    return;
  }
  loaders.delete(tag);
  if (loaders.size === 0) observer?.disconnect();
  load().catch((error: unknown) => {
    warnOnce(`could not load <${tag}> (${String((error as Error)?.message ?? error)}); it stays undefined on this page.`);
  });
}
