import type { ContextOptions } from './context/page.js';
import { resolveEndpoint } from './internal/endpoint.js';
import { warnOnce } from './internal/warn.js';
import { createTransport } from './transport/transport.js';
import type { Consent, Transport, TransportOptions } from './transport/types.js';

/** Page-wide defaults for every feelback element. */
export interface FeelbackConfig {
  /** Where answers go when an element names no `endpoint` of its own. */
  endpoint?: string;
  /** Merged into every event's `metadata`; an element's own `metadata` wins on conflicts. */
  metadata?: Record<string, unknown>;
  /** Locale used when no `lang` attribute is found on or above an element. */
  locale?: string;
  /** `'granted'` (default), `'pending'` (hold answers in memory) or `'denied'` (drop them). */
  consent?: Consent;
  /** What page context to include. */
  context?: ContextOptions;
  /** Attach Core Web Vitals to events. Default true. */
  vitals?: boolean;
  /** Options for the transports feelback creates (everything but the endpoint). */
  transport?: Omit<TransportOptions, 'endpoint'>;
}

type Listener = (config: Readonly<FeelbackConfig>) => void;

const CONSENTS: readonly Consent[] = ['granted', 'pending', 'denied'];
const KNOWN_KEYS = new Set(['endpoint', 'metadata', 'locale', 'consent', 'context', 'vitals', 'transport']);

let current: FeelbackConfig = {};
const listeners = new Set<Listener>();
const transports = new Map<string, Transport>();

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
        if (typeof value === 'string' && resolveEndpoint(value)) valid.endpoint = value;
        else warnOnce(`configure(): endpoint "${String(value)}" is not an http(s) URL; ignored.`);
        break;
      case 'metadata':
        if (isPlainObject(value)) valid.metadata = value;
        else warnOnce('configure(): metadata must be a plain object; ignored.');
        break;
      case 'locale':
        if (typeof value === 'string' && value.trim()) valid.locale = value.trim();
        else warnOnce(`configure(): locale "${String(value)}" is not a language tag; ignored.`);
        break;
      case 'consent':
        if (CONSENTS.includes(value as Consent)) valid.consent = value as Consent;
        else warnOnce(`configure(): consent "${String(value)}" is not one of ${CONSENTS.join(', ')}; ignored.`);
        break;
      case 'context':
        if (isPlainObject(value)) valid.context = value as ContextOptions;
        else warnOnce('configure(): context must be an object; ignored.');
        break;
      case 'vitals':
        if (typeof value === 'boolean') valid.vitals = value;
        else warnOnce(`configure(): vitals must be true or false; ignored.`);
        break;
      case 'transport':
        if (isPlainObject(value)) valid.transport = value as FeelbackConfig['transport'];
        else warnOnce('configure(): transport must be an object; ignored.');
        break;
    }
  }
  return valid;
}

/**
 * Sets page-wide defaults. Callable at any time; later calls merge into earlier
 * ones (`metadata`, `context` and `transport` merge key by key). Invalid options
 * log a warning and are ignored; configure() never throws.
 */
export function configure(options: FeelbackConfig = {}): Readonly<FeelbackConfig> {
  if (!isPlainObject(options)) {
    warnOnce('configure() expects an options object; ignored.');
    return current;
  }
  const next = validate(options as Record<string, unknown>);
  const transportChanged = next.transport !== undefined;
  current = {
    ...current,
    ...next,
    metadata: next.metadata ? { ...current.metadata, ...next.metadata } : current.metadata,
    context: next.context ? { ...current.context, ...next.context } : current.context,
    transport: next.transport ? { ...current.transport, ...next.transport } : current.transport,
  };
  if (transportChanged) {
    // New options apply to transports made from now on; queued events stay in their store
    // and are picked up by the replacement on the same endpoint.
    for (const transport of transports.values()) transport.destroy();
    transports.clear();
  }
  if (next.consent) {
    for (const transport of transports.values()) transport.setConsent(next.consent);
  }
  for (const listener of listeners) listener(current);
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

/**
 * The shared transport for an endpoint: one per endpoint per page, so the
 * answers of every widget batch together and page-lifecycle listeners are not
 * added per element.
 */
export function transportFor(endpoint: string): Transport {
  let transport = transports.get(endpoint);
  if (!transport) {
    transport = createTransport({ ...current.transport, endpoint, consent: current.consent ?? current.transport?.consent });
    transports.set(endpoint, transport);
  }
  return transport;
}

/** Test hook: back to a fresh page. */
export function resetConfig(): void {
  for (const transport of transports.values()) transport.destroy();
  transports.clear();
  listeners.clear();
  current = {};
}
