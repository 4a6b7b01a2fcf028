import type { DismissReason, LauncherTrigger } from './decide.js';

/** Days after any launcher opened before another may open (`configure({ launcher: { recontactDays } })`). */
export const DEFAULT_RECONTACT_DAYS = 1;

/** `launcher` on a `shown` or `dismissed` event (DESIGN §4). */
export interface LauncherPayload {
  id: string;
  display: string;
  trigger: LauncherTrigger;
  reason?: DismissReason;
}

/** The launcher's strings in the page's language. */
export interface LauncherStrings {
  close: string;
  tab: string;
  opened: string;
}

/**
 * What a launcher needs from the rest of feelback once it is about to open:
 * page-wide options, the path widgets send events by, and localized strings.
 * In the all-in-one bundle these are the bundle's own modules. In the
 * launcher-only build (`dist/launcher.min.js`) they arrive with the widgets'
 * code, so an unfired launcher never loads them, and the page keeps a single
 * copy of `configure()` and of the transports.
 */
export interface LauncherRuntime {
  /** `configure({ launcher: { recontactDays } })`, or the default. */
  recontactDays(): number;
  /** Builds a `shown`/`dismissed` event for `widget` and hands it to the widget's transport. */
  send(widget: Element, type: 'shown' | 'dismissed', launcher: LauncherPayload): void;
  /** Resolves `element`'s locale and its launcher strings (loading the locale table if needed). */
  strings(element: Element): Promise<LauncherStrings>;
}

/**
 * The one global the two builds share: the all-in-one bundle publishes its
 * runtime here, and a launcher from `launcher.min.js` picks it up after
 * loading that bundle. `Symbol.for` keys are the same in every copy.
 */
export const RUNTIME_KEY = Symbol.for('feelback.launcher-runtime');
/** Marks a launcher class, so a second copy of feelback recognises the first one's definition. */
export const LAUNCHER_MARK = Symbol.for('feelback.launcher');

type RuntimeGlobal = { [RUNTIME_KEY]?: LauncherRuntime };

export function publishRuntime(runtime: LauncherRuntime): void {
  const global = globalThis as RuntimeGlobal;
  global[RUNTIME_KEY] ??= runtime;
}

export function publishedRuntime(): LauncherRuntime | undefined {
  return (globalThis as RuntimeGlobal)[RUNTIME_KEY];
}

let loader: (() => Promise<unknown>) | undefined;
let loading: Promise<LauncherRuntime | undefined> | undefined;
let warned = false;

/** Sets how the widgets' code is loaded when it is not on the page yet (the launcher-only build does). */
export function setWidgetLoader(load: () => Promise<unknown>): void {
  loader = load;
}

/**
 * The runtime, loading the widgets' code first when needed. Resolves
 * `undefined` when it cannot load (404, offline, CSP): one warning says what
 * failed, and launchers stay closed. Never rejects.
 */
export function loadRuntime(): Promise<LauncherRuntime | undefined> {
  const ready = publishedRuntime();
  if (ready) return Promise.resolve(ready);
  if (!loader) return Promise.resolve(undefined);
  loading ??= Promise.resolve()
    .then(loader)
    .then(
      () => publishedRuntime(),
      (error: unknown) => {
        if (!warned) {
          warned = true;
          console.warn(`feelback: <feelback-launcher> could not load the widgets (${String(error)}); launchers stay closed.`);
        }
        // A later call (say, the next trigger) may try again: the network may be back.
        loading = undefined;
        return undefined;
      },
    );
  return loading;
}
