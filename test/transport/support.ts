import { vi } from 'vitest';
import type { FeedbackBatch, FeedbackEvent } from '../../src/context/event.js';
import type { QueueStorage, Transport } from '../../src/transport/types.js';

export const ENDPOINT = 'https://collect.example/feedback';
export const QUEUE_KEY = `feelback:queue:${ENDPOINT}`;

/** In-memory `localStorage` stand-in that can be told to fail. */
export class FakeStorage implements QueueStorage {
  readonly data = new Map<string, string>();
  failWrites: Error | null = null;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw this.failWrites;
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
  /** Ids of the events stored for an endpoint (the manifest and every segment it lists), oldest segment first. */
  storedIds(key = QUEUE_KEY): string[] {
    const raw = this.data.get(key);
    if (!raw) return [];
    const owners = JSON.parse(raw).owners as Record<string, { segments: number[] }>;
    return Object.entries(owners).flatMap(([owner, { segments }]) =>
      segments.flatMap((n) => (JSON.parse(this.data.get(`${key}|${owner}|${n}`) ?? '[]') as Array<{ e: FeedbackEvent }>).map((r) => r.e.id)),
    );
  }
}

export function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

export interface ServerRequest {
  url: string;
  init: RequestInit;
  batch: FeedbackBatch;
  ids: string[];
  /** What storage held when the request left. */
  storedAtSend: string[];
}

type Answer = number | 'network' | 'hang' | { status: number; retryAfter?: string };

/**
 * A fake request function standing in for the server: records what it
 * receives and answers from a script (default 204).
 */
export function fakeServer(storage?: FakeStorage) {
  const requests: ServerRequest[] = [];
  const script: Answer[] = [];
  let fallback: Answer = 204;
  const fetch = vi.fn(async (url: string | URL | Request, init: RequestInit = {}) => {
    const batch = JSON.parse(String(init.body)) as FeedbackBatch;
    requests.push({
      url: String(url),
      init,
      batch,
      ids: batch.events.map((event) => event.id),
      storedAtSend: storage?.storedIds() ?? [],
    });
    const answer = script.length > 0 ? script.shift()! : fallback;
    if (answer === 'network') throw new TypeError('Failed to fetch');
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const { status, retryAfter } = typeof answer === 'number' ? { status: answer, retryAfter: undefined } : answer;
    const headers = new Headers();
    if (retryAfter !== undefined) headers.set('retry-after', retryAfter);
    return { status, headers } as Response;
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    requests,
    /** Answers the next requests in order. */
    answer(...answers: Answer[]) {
      script.push(...answers);
    },
    /** Answers every later request this way. */
    answerAlways(answer: Answer) {
      fallback = answer;
    },
    /** Ids the server accepted (2xx), counting duplicates. */
    get deliveredIds(): string[] {
      return requests.flatMap((request) => request.ids);
    },
  };
}

/** Records the transport's `sent`, `error` and `dropped` events in order. */
export function recordEvents(transport: Transport) {
  const log: Array<{ type: string; detail: Record<string, unknown> }> = [];
  for (const type of ['sent', 'error', 'dropped']) {
    transport.addEventListener(type, (event) => log.push({ type, detail: (event as CustomEvent).detail }));
  }
  return log;
}

export function setOnline(online: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

export function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * An earlier page load that could not deliver `events` (every request answered 503) and was then
 * closed, leaving them in storage; `server` answers 204 from here on. Returns how many requests the
 * server had seen by then, so a test can look at what came after.
 */
export async function leftByEarlierPage(server: ReturnType<typeof fakeServer>, open: () => Transport, events: FeedbackEvent[]): Promise<number> {
  server.answerAlways(503);
  const earlier = open();
  for (const event of events) earlier.send(event);
  await vi.advanceTimersByTimeAsync(1000);
  window.dispatchEvent(new Event('pagehide'));
  earlier.destroy();
  server.answerAlways(204);
  return server.requests.length;
}
