// Alert latency: `node bench/alerts.mjs`.
//
// How long after the collector answers an upset visitor's POST /api/feedback with 200 does the
// alert reach the webhook? A collector (SQLite in a temp folder, the default outbox poll of 1 s)
// and a webhook receiver run on loopback; BENCH_ALERTS_ANSWERS angry feelings (default 20) are
// posted a little apart, and each one's latency is the time from its 200 to the receiver reading
// its alert. Two settings of ALERT_COMMENT_WAIT, run one after the other:
//   - 0: the alert goes out as soon as the answer is stored;
//   - 30 (the default): the alert waits for the comment that usually follows.
// Both clocks are this process's (performance.now()); the receiver shares its event loop.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startDemoServer } from '../demo/app.mjs';
import { readAlertConfig } from '../demo/collector/alerts/config.mjs';
import { columns, toText } from './lib/table.mjs';

const ANSWERS = Math.max(1, Number(process.env.BENCH_ALERTS_ANSWERS ?? 20));
const SPACING_MS = Number(process.env.BENCH_ALERTS_SPACING_MS ?? 150);
const WAITS = (process.env.BENCH_ALERTS_WAITS ?? '0,30').split(',').map(Number);

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

function feeling(id) {
  const now = new Date().toISOString();
  return {
    id,
    type: 'feeling',
    widget: 'bench',
    createdAt: now,
    feeling: { id: 'angry', score: -2 },
    context: { url: 'https://shop.example/pay', referrer: '', locale: 'en', viewport: { width: 1280, height: 800 }, sessionId: randomUUID() },
  };
}

/** One run: ANSWERS answers with this comment wait; latencies in ms. @param {number} waitSeconds */
async function run(waitSeconds) {
  /** @type {Map<string, number>} */
  const received = new Map();
  /** @type {Map<string, () => void>} */
  const waiting = new Map();
  const receiver = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const id = JSON.parse(Buffer.concat(chunks).toString('utf8')).alert.id;
      if (!received.has(id)) received.set(id, at);
      waiting.get(id)?.();
      res.writeHead(204).end();
    });
  });
  await new Promise((done) => receiver.listen(0, '127.0.0.1', done));
  const dir = mkdtempSync(join(tmpdir(), 'feelback-bench-alerts-'));
  const demo = await startDemoServer({
    port: 0,
    dbPath: join(dir, 'feedback.sqlite'),
    rateLimits: { requests: null, feedback: null, callback: null },
    alerts: {
      config: readAlertConfig({
        ALERT_WEBHOOK_URL: `http://127.0.0.1:${receiver.address().port}/hook`,
        ALERT_WEBHOOK_FORMAT: 'json',
        ALERT_WEBHOOK_SECRET: 'bench-alerts-signing-secret-0123456789',
        ALERT_COMMENT_WAIT: String(waitSeconds),
      }),
    },
  });
  try {
    const answered = [];
    for (let i = 0; i < ANSWERS; i++) {
      const id = randomUUID();
      const arrived = new Promise((done) => waiting.set(id, done));
      const response = await fetch(`${demo.url}/api/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ v: 1, sentAt: new Date().toISOString(), events: [feeling(id)] }),
      });
      const at = performance.now();
      if (response.status !== 200) throw new Error(`POST answered ${response.status}`);
      await response.arrayBuffer();
      answered.push({ id, at, arrived });
      await new Promise((done) => setTimeout(done, SPACING_MS));
    }
    await Promise.all(answered.map((answer) => answer.arrived));
    return answered.map(({ id, at }) => /** @type {number} */ (received.get(id)) - at);
  } finally {
    await demo.close();
    receiver.closeAllConnections();
    await new Promise((done) => receiver.close(done));
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const wait of WAITS) {
  const latencies = await run(wait);
  const over = latencies.map((value) => value - wait * 1000);
  rows.push([
    `${wait} s`,
    latencies.length,
    `${quantile(latencies, 0.5).toFixed(0)} ms`,
    `${quantile(latencies, 0.9).toFixed(0)} ms`,
    `${Math.min(...latencies).toFixed(0)}–${Math.max(...latencies).toFixed(0)} ms`,
    `${quantile(over, 0.5).toFixed(0)} ms`,
  ]);
}

console.log(
  toText({
    title: `Alert latency (bench/alerts.mjs): POST /api/feedback 200 → webhook received, ${ANSWERS} angry answers ${SPACING_MS} ms apart, SQLite, outbox poll 1 s`,
    columns: columns('ALERT_COMMENT_WAIT', 'answers', 'median', 'p90', 'range', 'median beyond the wait'),
    rows,
    notes: [`Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`],
  }),
);
