// Collector throughput: `npm run bench:collector`.
//
// POSTs batches of 1 and 20 new events at concurrency 1, 4 and 16 to the
// reference collector (each collector its own process, as in production) on:
//   - SQLite (one process, one file: WAL, synchronous = FULL),
//   - PostgreSQL with one collector process,
//   - PostgreSQL with two collector processes sharing the database (requests
//     alternate between them, as a round-robin load balancer would).
// PostgreSQL is a throwaway cluster from Debian's binaries with fsync on, so
// both stores pay for durable commits. Every answer counted is a 2xx, which the
// collector sends only after the batch is committed.
//
// The cells are run interleaved (every store for one cell, then the next
// cell, then again in a second round) so that the machine's noise falls on all
// of them alike; events/s is the median of the rounds, latencies are pooled.
// The load generator runs on the same machine and shares its cores.
//
// Options (environment): BENCH_COLLECTOR_SECONDS per cell and round (default 2),
// BENCH_COLLECTOR_ROUNDS (default 2).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { startPostgres } from '../test/support/postgres.mjs';
import { columns, toText } from './lib/table.mjs';

const SECONDS = Number(process.env.BENCH_COLLECTOR_SECONDS ?? 2);
const ROUNDS = Math.max(1, Number(process.env.BENCH_COLLECTOR_ROUNDS ?? 2));
const BATCHES = [1, 20];
const CONCURRENCY = [1, 4, 16];
const RUNNER = new URL('../test/demo/support/collector-process.mjs', import.meta.url);
const log = (message) => console.error(`[bench:collector] ${message}`);

/** @param {Record<string, string>} env @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
function startCollector(env) {
  // The runner turns per-client rate limits off: one load generator is one address.
  const child = spawn(process.execPath, [RUNNER.pathname], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) {
        resolve({
          url: JSON.parse(line).url,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    exited.then((code) => reject(new Error(`collector exited (${code}) before listening`)));
  });
}

function event() {
  return {
    id: randomUUID(),
    type: 'rating',
    widget: 'bench',
    createdAt: new Date().toISOString(),
    rating: { scale: 'nps', value: Math.floor(Math.random() * 11), min: 0, max: 10 },
    context: {
      url: 'https://shop.example/checkout',
      referrer: '',
      locale: 'en',
      viewport: { width: 1280, height: 800 },
      sessionId: randomUUID(),
      vitals: { LCP: { value: 1800, rating: 'good' }, INP: { value: 120, rating: 'good' } },
    },
  };
}

/**
 * @param {string[]} urls collectors to alternate between
 * @param {number} batchSize @param {number} concurrency @param {number} seconds
 */
async function load(urls, batchSize, concurrency, seconds) {
  const latencies = [];
  let events = 0;
  let failures = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  async function client() {
    while (performance.now() < deadline) {
      const url = urls[next++ % urls.length];
      const body = JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events: Array.from({ length: batchSize }, event) });
      const start = performance.now();
      const response = await fetch(`${url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      const elapsed = performance.now() - start;
      if (response.ok) {
        latencies.push(elapsed);
        events += batchSize;
      } else failures++;
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const duration = (performance.now() - started) / 1000;
  return { eventsPerSecond: events / duration, latencies, failures };
}

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** @param {number[]} values */
const median = (values) => quantile(values, 0.5);

const dir = mkdtempSync(join(tmpdir(), 'feelback-bench-collector-'));
log('starting a PostgreSQL cluster (fsync on)');
const cluster = await startPostgres({ durable: true });
const databaseUrl = await cluster.createDatabase('bench');
const collectors = [];
try {
  log('starting collectors: SQLite ×1, PostgreSQL ×2');
  const sqlite = await startCollector({ DB_PATH: join(dir, 'bench.sqlite'), DATABASE_URL: '' });
  collectors.push(sqlite);
  // The second PostgreSQL collector starts after the first has created the schema; both would also be safe at once.
  const postgresA = await startCollector({ DATABASE_URL: databaseUrl });
  collectors.push(postgresA);
  const postgresB = await startCollector({ DATABASE_URL: databaseUrl });
  collectors.push(postgresB);
  const setups = [
    { store: 'SQLite', instances: 1, urls: [sqlite.url] },
    { store: 'PostgreSQL', instances: 1, urls: [postgresA.url] },
    { store: 'PostgreSQL', instances: 2, urls: [postgresA.url, postgresB.url] },
  ];

  // Warm up every path once (connections, prepared statements, JIT).
  for (const setup of setups) await load(setup.urls, 20, 4, 0.5);

  /** @type {Map<string, { rates: number[], latencies: number[], failures: number }>} */
  const cells = new Map();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const batchSize of BATCHES) {
      for (const concurrency of CONCURRENCY) {
        for (const setup of setups) {
          const key = `${setup.store}|${setup.instances}|${batchSize}|${concurrency}`;
          const result = await load(setup.urls, batchSize, concurrency, SECONDS);
          const cell = cells.get(key) ?? { rates: [], latencies: [], failures: 0 };
          cell.rates.push(result.eventsPerSecond);
          cell.latencies.push(...result.latencies);
          cell.failures += result.failures;
          cells.set(key, cell);
        }
        log(`round ${round}: batch ${batchSize}, concurrency ${concurrency} done`);
      }
    }
  }

  const rows = [];
  for (const setup of setups) {
    for (const batchSize of BATCHES) {
      for (const concurrency of CONCURRENCY) {
        const cell = /** @type {{ rates: number[], latencies: number[], failures: number }} */ (
          cells.get(`${setup.store}|${setup.instances}|${batchSize}|${concurrency}`)
        );
        rows.push([
          setup.store,
          String(setup.instances),
          String(batchSize),
          String(concurrency),
          Math.round(median(cell.rates)).toLocaleString('en'),
          quantile(cell.latencies, 0.5).toFixed(1),
          quantile(cell.latencies, 0.99).toFixed(1),
          String(cell.failures),
        ]);
      }
    }
  }
  console.log(
    toText({
      title: `Collector throughput (bench/collector.mjs): ${ROUNDS} interleaved rounds × ${SECONDS} s per cell`,
      columns: columns('store', 'instances', 'batch', 'concurrency', 'events/s', 'p50 ms', 'p99 ms', 'non-2xx'),
      rows,
      notes: [
        `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()[0].toFixed(2)}; Node ${process.version}; the load generator shares the cores`,
        'events/s: median over rounds of acknowledged (2xx, committed) events per second; p50/p99: request latency, all rounds pooled',
      ],
    }),
  );
} finally {
  await Promise.all(collectors.map((collector) => collector.stop()));
  cluster.close();
  rmSync(dir, { recursive: true, force: true });
}
