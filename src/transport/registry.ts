import { DeferredTransport, loadTransport } from './deferred.js';
import type { LiveTransport, SharedTransportOptions, Transport, TransportOptions } from './types.js';

/**
 * The page's shared transports: one per endpoint, for the page's life, so the
 * answers of every widget batch together, page-lifecycle listeners are added
 * once, and an element can keep listening to the transport it sent through.
 * New options reach the live transports in place; nothing is rebuilt.
 */
const shared = new Map<string, LiveTransport>();
let sharedOptions: SharedTransportOptions = {};

/**
 * The one place the registry makes a transport: a stand-in whose code loads
 * on the first answer, or at idle when an earlier page left answers queued
 * (./deferred.ts), so no page pays for the transport before its first widget.
 */
function makeTransport(options: TransportOptions): LiveTransport {
  return new DeferredTransport(options, loadTransport);
}

/** The shared transport for an absolute http(s) endpoint, created on first use with the shared options. */
export function transportFor(endpoint: string): Transport {
  let transport = shared.get(endpoint);
  if (!transport) {
    transport = makeTransport({ ...sharedOptions, endpoint });
    shared.set(endpoint, transport);
  }
  return transport;
}

/**
 * Changes the options of every shared transport, live and future. Live ones
 * keep their queue, their listeners and their identity; see
 * `LiveTransport.configure()` for what a change does to queued events.
 */
export function configureSharedTransports(changes: SharedTransportOptions): void {
  sharedOptions = { ...sharedOptions, ...changes };
  for (const transport of shared.values()) transport.configure(changes);
}

/** Test hook: destroy the shared transports and forget their options. */
export function resetSharedTransports(): void {
  for (const transport of shared.values()) transport.destroy();
  shared.clear();
  sharedOptions = {};
}
