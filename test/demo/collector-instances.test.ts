// Several collector processes on one store: dedupe across instances, a batch
// received by two at once, one killed with SIGKILL mid-load, and (PostgreSQL)
// the database going away and coming back while a collector runs.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startDemoServer, type DemoServer } from '../../demo/app.mjs';
import { openStore } from '../../demo/collector/store/index.mjs';
import type { FeedbackEvent } from '../../src/context/event.js';
import { eventBuilders } from '../support/events.js';
import { STORE_KINDS, storeFixture, type StoreLocation } from '../support/stores.js';
import { startCollectorProcess, type CollectorProcess } from './support/instances.js';

const shop = eventBuilders({ context: { url: 'https://shop.example/' } });

/** A new visitor's star rating, any score. */
function ratingEvent(): FeedbackEvent {
  return shop.ratingEvent({ rating: { scale: 'stars', value: 1 + Math.floor(Math.random() * 5), min: 1, max: 5 } });
}

const body = (events: unknown[]) => JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events });

type Outcome = { status: number; stored?: number; retryAfter?: string | null } | { status: 'network-error' };

async function send(url: string, text: string, { abortAfterMs }: { abortAfterMs?: number } = {}): Promise<Outcome> {
  const controller = new AbortController();
  const timer = abortAfterMs === undefined ? undefined : setTimeout(() => controller.abort(), abortAfterMs);
  try {
    const response = await fetch(`${url}/api/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
      signal: controller.signal,
    });
    const answer = response.headers.get('content-type')?.includes('json') ? await response.json() : {};
    return { status: response.status, stored: answer.stored, retryAfter: response.headers.get('retry-after') };
  } catch {
    return { status: 'network-error' };
  } finally {
    clearTimeout(timer);
  }
}

/** Every stored id, read page by page through the store. */
async function storedIds(location: StoreLocation) {
  const store = await openStore(location);
  try {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await store.listEvents({ limit: 1000, cursor, maxBytes: 8 * 1024 * 1024 });
      ids.push(...page.events.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, count: await store.count() };
  } finally {
    await store.close();
  }
}

// One fixture per kind for the whole file: a PostgreSQL cluster takes seconds to start.
const fixtures = { sqlite: storeFixture('sqlite'), postgres: storeFixture('postgres') };

describe.each(STORE_KINDS)('several collectors on one %s store', (kind) => {
  const stores = fixtures[kind];
  const processes: CollectorProcess[] = [];

  afterEach(async () => {
    await Promise.all(processes.splice(0).map((process) => process.stop()));
  });

  it('two collector processes receiving the same batches at once store each event once', async () => {
    const location = await stores.fresh();
    const [a, b] = await Promise.all([startCollectorProcess(location), startCollectorProcess(location)]);
    processes.push(a, b);
    const batches = Array.from({ length: 20 }, () => Array.from({ length: 20 }, ratingEvent));
    const answers = await Promise.all(batches.flatMap((events) => [send(a.url, body(events)), send(b.url, body(events))]));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const storedByAnswers = answers.reduce((sum, answer) => sum + ('stored' in answer ? (answer.stored ?? 0) : 0), 0);
    expect(storedByAnswers).toBe(400);
    const { ids, count } = await storedIds(location);
    expect(count).toBe(400);
    expect(new Set(ids).size).toBe(400);
  }, 60_000);

  it('a faulty load split between two collectors, one killed with SIGKILL midway: every acknowledged id stored exactly once', async () => {
    const location = await stores.fresh();
    const [a, b] = await Promise.all([startCollectorProcess(location), startCollectorProcess(location)]);
    processes.push(a, b);
    const sent = new Set<string>();
    const acknowledged = new Set<string>();
    const tally = { requests: 0, ok: 0, refused: 0, networkErrors: 0, aborted: 0, retried: 0, duplicatesAnswered: 0 };
    let killed = false;
    let inFlightAtKill = 0;
    let inFlight = 0;

    // Batches that were not acknowledged are retried, as the transport does, on a live collector.
    const pending: FeedbackEvent[][] = [];
    const rounds = 240;
    let round = 0;

    async function worker() {
      while (round < rounds || pending.length > 0) {
        const retry = pending.shift();
        const index = round++;
        if (!retry && index >= rounds) break;
        if (!killed && index === Math.floor(rounds / 2)) {
          // A burst of batches at the collector about to die, so some are mid-request when it does.
          const burst = Array.from({ length: 6 }, () => Array.from({ length: 20 }, ratingEvent));
          const inBurst = burst.map(async (events) => {
            for (const event of events) sent.add(event.id);
            tally.requests++;
            const outcome = await send(a.url, body(events));
            if (outcome.status === 200) {
              tally.ok++;
              for (const event of events) acknowledged.add(event.id);
            } else {
              tally.networkErrors++;
              pending.push(events);
            }
          });
          await new Promise((resolve) => setTimeout(resolve, 5));
          inFlightAtKill = inFlight + burst.length;
          a.child.kill('SIGKILL');
          killed = true;
          await Promise.all(inBurst);
        }
        const events = retry ?? Array.from({ length: 1 + (index % 20) }, ratingEvent);
        if (retry) tally.retried++;
        for (const event of events) sent.add(event.id);
        // Faults: a broken event in the batch (refused whole), a resend of an acknowledged
        // batch to the other collector, and clients that hang up mid-request.
        const fault = retry ? 'none' : ['none', 'none', 'none', 'broken', 'resend', 'abort'][index % 6];
        const target = killed ? b : index % 2 === 0 ? a : b;
        const other = target === a ? b : a;
        tally.requests++;
        inFlight++;
        let outcome: Outcome;
        if (fault === 'broken') {
          outcome = await send(target.url, body([...events, { ...ratingEvent(), createdAt: '2026-02-30T00:00:00Z' }]));
          if (outcome.status === 400) tally.refused++;
        } else {
          outcome = await send(target.url, body(events), fault === 'abort' ? { abortAfterMs: 1 } : {});
        }
        inFlight--;
        if (outcome.status === 200) {
          tally.ok++;
          for (const event of events) acknowledged.add(event.id);
          if (fault === 'resend') {
            const again = await send(killed ? b.url : other.url, body(events));
            if (again.status === 200 && again.stored === 0) tally.duplicatesAnswered++;
          }
        } else if (outcome.status === 'network-error') {
          if (fault === 'abort') tally.aborted++;
          else tally.networkErrors++;
          pending.push(events);
        } else if (outcome.status !== 400) {
          pending.push(events);
        }
      }
    }

    await Promise.all(Array.from({ length: 8 }, worker));
    expect(await a.exited).toBeNull();
    expect(a.child.signalCode).toBe('SIGKILL');

    const { ids, count } = await storedIds(location);
    const stored = new Set(ids);
    const lost = [...acknowledged].filter((id) => !stored.has(id));
    const phantom = ids.filter((id) => !sent.has(id));
    console.log(
      `[${kind}] kill test: ${tally.requests} requests (${tally.ok} acknowledged, ${tally.refused} refused as invalid, ` +
        `${tally.aborted} aborted by the client, ${tally.networkErrors} cut by the kill, ${tally.retried} retried, ` +
        `${tally.duplicatesAnswered} resends answered as duplicates; ${inFlightAtKill} in flight at the kill); ` +
        `${sent.size} ids sent, ${acknowledged.size} acknowledged, ${count} rows stored, ${stored.size} distinct, ` +
        `${lost.length} acknowledged but missing, ${phantom.length} never sent`,
    );
    expect(lost).toEqual([]);
    expect(phantom).toEqual([]);
    expect(count).toBe(stored.size);
    // Retried until acknowledged: every valid event sent ends up stored.
    expect(acknowledged.size).toBeGreaterThan(1000);
  }, 120_000);
});

describe('PostgreSQL going away while the collector runs', () => {
  const stores = fixtures.postgres;
  let demo: DemoServer | undefined;

  afterEach(async () => {
    await demo?.close();
    demo = undefined;
  });

  it('answers 503 with Retry-After while the database is down, then recovers by itself', async () => {
    const location = await stores.fresh();
    const options: object = { adminToken: 'collector-tests-admin-token' };
    demo = await startDemoServer({ port: 0, ...location, ...options });
    expect((await send(demo.url, body([ratingEvent()]))).status).toBe(200);

    stores.cluster.stop();
    const down = await send(demo.url, body([ratingEvent()]));
    expect(down).toMatchObject({ status: 503 });
    expect(Number((down as { retryAfter: string }).retryAfter)).toBeGreaterThan(0);
    expect((await fetch(`${demo.url}/api/results`, { headers: { authorization: `Bearer ${demo.adminToken}` } })).status).toBe(503);

    stores.cluster.start();
    const kept = ratingEvent();
    let status: Outcome['status'] = 0;
    for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
      status = (await send(demo.url, body([kept]))).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect(await demo.store.count()).toBe(2);
    expect((await fetch(`${demo.url}/api/results`, { headers: { authorization: `Bearer ${demo.adminToken}` } })).status).toBe(200);
  }, 60_000);

  it('a bad or unreachable DATABASE_URL stops the start with one sentence naming it, and no stack', () => {
    const server = fileURLToPath(new URL('../../demo/server.mjs', import.meta.url));
    const start = (databaseUrl: string) =>
      spawnSync(process.execPath, [server], { env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 20_000 });
    const cases: Array<[string, RegExp]> = [
      ['postgress://feelback:secret@127.0.0.1/feelback', /^DATABASE_URL must start with postgres:\/\//],
      ['postgres://feelback:secret@127.0.0.1:1/feelback', /^DATABASE_URL \(postgres:\/\/feelback:\*\*\*@127\.0\.0\.1:1\/feelback\): nothing answers/],
      [`postgres://feelback@127.0.0.1:${stores.cluster.port}/missing`, /^DATABASE_URL .*database "missing" does not exist/],
    ];
    for (const [databaseUrl, message] of cases) {
      const result = start(databaseUrl);
      expect(result.status, databaseUrl).toBe(1);
      const errors = result.stderr.split('\n').filter((line) => line && !line.includes('dist/feelback.min.js'));
      expect(errors, databaseUrl).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(result.stderr).not.toMatch(/secret|\n\s+at /);
    }
  }, 60_000);
});
