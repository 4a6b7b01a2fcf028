import { warnOnce } from '../internal/warn.js';
import type { RequestResult } from './types.js';

/**
 * Keepalive fetches share the page's 64 KiB in-flight quota with beacons; past
 * it the browser rejects them outright, so larger bodies go without keepalive.
 */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

/** The page-hide request function: `navigator.sendBeacon`'s shape, the body a text/plain string. */
export type SendBeacon = (url: string, body: string) => boolean;

export interface PostOptions {
  /** The request function (the page's `fetch`, or one injected for tests and special environments). */
  fetch: typeof globalThis.fetch;
  headers?: Record<string, string>;
  keepalive: boolean;
  timeoutMs: number;
  /** Aborts the request (the transport was destroyed). */
  signal: AbortSignal;
}

/** A response's status and `Retry-After`, and a sentence for the failure when it is not a 2xx. */
export interface PostResult extends RequestResult {
  error: string;
}

/**
 * POSTs one v1 body as JSON. Never rejects: a network error or a timeout is
 * status 0 with a sentence that says which.
 */
export async function postBody(endpoint: string, body: string, options: PostOptions): Promise<PostResult> {
  const controller = new AbortController();
  const abort = () => controller.abort();
  options.signal.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const init: RequestInit = {
      method: 'POST',
      headers: { ...options.headers, 'content-type': 'application/json' },
      body,
      keepalive: options.keepalive,
      signal: controller.signal,
    };
    let response = await options.fetch(endpoint, init);
    if (response.redirected && response.url && response.url !== endpoint) {
      // A 301, 302 or 303 turned the POST into a GET without the answers, and a 2xx for that GET
      // would count them delivered: post them again where the redirect led (after a 307 or 308 the
      // server has them twice, and drops the repeat by its id).
      warnOnce(`the endpoint ${endpoint} redirects to ${response.url}; answers are posted there again. Set the endpoint to that URL.`);
      response = await options.fetch(response.url, { ...init, redirect: 'error' });
    }
    const { status } = response;
    return { status, retryAfter: response.headers?.get?.('retry-after'), error: `HTTP ${status} from ${endpoint}` };
  } catch (error) {
    return {
      status: 0,
      error: timedOut
        ? `no answer from ${endpoint} within ${options.timeoutMs} ms`
        : `network error sending to ${endpoint} (${errorName(error)})`,
    };
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', abort);
  }
}

/** The page's `fetch`, looked up when a request leaves (so a page that wraps fetch later is honoured). */
export function pageFetch(): typeof globalThis.fetch {
  return (input, init) => globalThis.fetch(input, init);
}

/**
 * Hands a body to `sendBeacon` (default: the page's `navigator.sendBeacon`).
 * False when there is none, the browser refused it (past its in-flight
 * quota) or it threw.
 */
export function sendBeaconBody(sendBeacon: SendBeacon | undefined, endpoint: string, body: string): boolean {
  try {
    return sendBeacon ? sendBeacon(endpoint, body) : globalThis.navigator.sendBeacon(endpoint, body);
  } catch {
    return false;
  }
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as Error).message || (error as Error).name);
  return String(error);
}
