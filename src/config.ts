import { toJsonSafeMetadata } from './context/metadata.js';
import type { ContextOptions } from './context/page.js';
import { observeVitals } from './context/vitals.js';
import { isUnresolvedRelativeEndpoint, resolveEndpoint } from './internal/endpoint.js';
import { warnOnce } from './internal/warn.js';
import { configureSharedTransports, resetSharedTransports, transportFor } from './transport/registry.js';
import type { Consent, SharedTransportOptions, TransportOptions } from './transport/types.js';

/** Page-wide defaults for every feelback element. */
export interface FeelbackConfig {
  /** Where answers go when an element names no `endpoint` of its own. */
  endpoint?: string;
  /**
   * Merged into every event's `metadata`, key by key; an element's own
   * `metadata` wins on conflicts. A snapshot is taken: later changes to the
   * object you passed are not seen. Set a key to `undefined` to remove it.
   */
  metadata?: Record<string, unknown>;
  /**
   * Locale used when no `lang` attribute is found on or above an element,
   * `<html lang>` aside: this ranks above the page's `<html lang>`.
   */
  locale?: string;
  /** `'granted'` (default), `'pending'` (hold answers in memory) or `'denied'` (drop them). */
  consent?: Consent;
  /** What page context to include. */
  context?: ContextOptions;
  /**
   * Attach Core Web Vitals to events. Default true. Observing starts at the
   * first `configure()` or element, so pass `false` in the first call to never
   * observe at all.
   */
  vitals?: boolean;
  /** Options for the transports feelback creates (everything but the endpoint). */
  transport?: Omit<TransportOptions, 'endpoint'>;
  /** Page-wide launcher rules (`<feelback-launcher>`). */
  launcher?: FeelbackLauncherOptions;
}

/** Options every `<feelback-launcher>` on the page shares. */
export interface FeelbackLauncherOptions {
  /** No launcher opens within this many days of any launcher opening. Default 1; 0 turns the wait off. */
  recontactDays?: number;
}

type Listener = (config: Readonly<FeelbackConfig>) => void;

const CONSENTS: readonly Consent[] = ['granted', 'pending', 'denied'];
const REFERRER_MODES: readonly unknown[] = ['origin', 'full', 'none', true, false];
const KNOWN_KEYS = new Set(['endpoint', 'metadata', 'locale', 'consent', 'context', 'vitals', 'transport', 'launcher']);

let current: FeelbackConfig = {};
const listeners = new Set<Listener>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.trim() === '') return false;
  try {
    return Intl.getCanonicalLocales(value.trim()).length === 1;
  } catch {
    return false;
  }
}

function validateContext(value: unknown): ContextOptions | undefined {
  if (!isPlainObject(value)) {
    warnOnce('configure(): context must be an object like { includeQuery: false, includeReferrer: "origin" }; ignored.');
    return undefined;
  }
  const valid: ContextOptions = {};
  for (const [key, option] of Object.entries(value)) {
    if (option === undefined) continue;
    if (key === 'includeQuery') {
      if (typeof option === 'boolean') valid.includeQuery = option;
      else warnOnce(`configure(): context.includeQuery must be true or false, not ${JSON.stringify(option)}; ignored.`);
    } else if (key === 'includeReferrer') {
      if (REFERRER_MODES.includes(option)) valid.includeReferrer = option as ContextOptions['includeReferrer'];
      else warnOnce(`configure(): context.includeReferrer must be "origin", "full", "none" or a boolean, not ${JSON.stringify(option)}; ignored.`);
    } else {
      warnOnce(`configure(): unknown option "context.${key}" ignored.`);
    }
  }
  return valid;
}

function validateTransport(value: unknown): FeelbackConfig['transport'] | undefined {
  if (!isPlainObject(value)) {
    warnOnce('configure(): transport must be an object of transport options; ignored.');
    return undefined;
  }
  const { endpoint, ...options } = value;
  if (endpoint !== undefined) warnOnce('configure(): transport.endpoint is ignored; use configure({ endpoint }).');
  return options as FeelbackConfig['transport'];
}

/** Keeps the valid options of one `configure()` call and warns about the rest. */
function validate(options: Record<string, unknown>): FeelbackConfig {
  const valid: FeelbackConfig = {};
  for (const [key, value] of Object.entries(options)) {
    if (!KNOWN_KEYS.has(key)) {
      warnOnce(`configure(): unknown option "${key}" ignored.`);
      continue;
    }
    if (value === undefined) continue;
    switch (key) {
      case 'endpoint':
        if (typeof value === 'string' && (resolveEndpoint(value) || isUnresolvedRelativeEndpoint(value))) valid.endpoint = value;
        else warnOnce(`configure(): endpoint "${String(value)}" is not an http(s) URL; ignored.`);
        break;
      case 'metadata':
        if (isPlainObject(value)) {
          valid.metadata = toJsonSafeMetadata(value, (dropped) =>
            warnOnce(`configure(): metadata dropped ${dropped.join(', ')}; only JSON-safe values are sent.`),
          );
        } else {
          warnOnce('configure(): metadata must be a plain object; ignored.');
        }
        break;
      case 'locale':
        if (isLanguageTag(value)) valid.locale = value.trim();
        else warnOnce(`configure(): locale "${String(value)}" is not a language tag; ignored.`);
        break;
      case 'consent':
        if (CONSENTS.includes(value as Consent)) valid.consent = value as Consent;
        else warnOnce(`configure(): consent "${String(value)}" is not one of ${CONSENTS.join(', ')}; ignored.`);
        break;
      case 'context': {
        const context = validateContext(value);
        if (context) valid.context = context;
        break;
      }
      case 'vitals':
        if (typeof value === 'boolean') valid.vitals = value;
        else warnOnce(`configure(): vitals must be true or false, not ${JSON.stringify(value)}; ignored.`);
        break;
      case 'transport': {
        const transport = validateTransport(value);
        if (transport) valid.transport = transport;
        break;
      }
      case 'launcher': {
        const days = isPlainObject(value) ? value.recontactDays : undefined;
        if (isPlainObject(value) && (days === undefined || (typeof days === 'number' && Number.isFinite(days) && days >= 0))) {
          valid.launcher = days === undefined ? {} : { recontactDays: days };
        } else {
          warnOnce(`configure(): launcher must be an object like { recontactDays: 1 } (days ≥ 0), not ${JSON.stringify(value)}; ignored.`);
        }
        break;
      }
    }
  }
  return valid;
}

/** Key-by-key merge of page-wide metadata; a key given as `undefined` is removed. */
function mergePageMetadata(
  earlier: Record<string, unknown> | undefined,
  safe: Record<string, unknown>,
  given: Record<string, unknown>,
): Record<string, unknown> | undefined {
  const merged = { ...earlier, ...safe };
  try {
    for (const key of Object.keys(given)) if (given[key] === undefined) delete merged[key];
  } catch {
    // A hostile object (a throwing Proxy) removes nothing.
  }
  return Object.keys(merged).length > 0 ? merged : undefined;
}

/**
 * Sets page-wide defaults. Callable at any time; later calls merge into earlier
 * ones (`metadata`, `context` and `transport` merge key by key). Invalid options
 * log a warning and are ignored; configure() never throws.
 *
 * Unless `vitals: false`, the first call starts observing Core Web Vitals (once
 * per page), so values are caught even before any widget is on the page.
 */
export function configure(options: FeelbackConfig = {}): Readonly<FeelbackConfig> {
  if (!isPlainObject(options)) {
    const kind = options === null ? 'null' : Array.isArray(options) ? 'an array' : `a ${typeof options}`;
    warnOnce(`configure() expects an options object, not ${kind}; ignored.`);
    return current;
  }
  const given = options as Record<string, unknown>;
  const next = validate(given);
  current = {
    ...current,
    ...next,
    metadata: next.metadata ? mergePageMetadata(current.metadata, next.metadata, given.metadata as Record<string, unknown>) : current.metadata,
    context: next.context ? { ...current.context, ...next.context } : current.context,
    transport: next.transport ? { ...current.transport, ...next.transport } : current.transport,
    launcher: next.launcher ? { ...current.launcher, ...next.launcher } : current.launcher,
  };
  if (next.transport || next.consent) {
    // Live transports take the new options in place: queued events and the elements listening stay with them.
    const changes: SharedTransportOptions = { ...next.transport };
    // configure({ consent }) wins over transport.consent.
    const consent = current.consent ?? current.transport?.consent;
    if (consent) changes.consent = consent;
    configureSharedTransports(changes);
  }
  // Created now, not at the first answer: what an earlier page load left queued goes out on this load (DESIGN §5).
  const endpoint = resolveEndpoint(next.endpoint);
  if (endpoint) transportFor(endpoint);
  if (current.vitals !== false) observeVitals();
  for (const listener of listeners) {
    try {
      listener(current);
    } catch {
      // One broken listener must not stop the others or throw into the site's configure() call.
    }
  }
  return current;
}

/** The merged page-wide configuration. */
export function getConfig(): Readonly<FeelbackConfig> {
  return current;
}

/** Calls `listener` after every `configure()`; returns the unsubscribe function. */
export function onConfigChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** @deprecated The shared transports live in `transport/registry.ts`; import `transportFor` from there. */
export { transportFor };

/** Test hook: back to a fresh page. */
export function resetConfig(): void {
  resetSharedTransports();
  listeners.clear();
  current = {};
}
