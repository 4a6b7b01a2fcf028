// One collector process for the multi-instance tests and the benchmark: the
// demo server on a free port, storing at DB_PATH or DATABASE_URL, printing
// `{"url":…}` on its first line once it listens.
import { startDemoServer } from '../../../demo/app.mjs';

const demo = await startDemoServer({
  port: 0,
  dbPath: process.env.DB_PATH,
  databaseUrl: process.env.DATABASE_URL || undefined,
  // Load from one address is the point of these runs: no per-client limits.
  rateLimits: { requests: null, feedback: null, callback: null },
}).catch((error) => {
  console.error(error.code === 'STORE_CONFIG' ? error.message : error);
  process.exit(1);
});
console.log(JSON.stringify({ url: demo.url, pid: process.pid }));
process.on('SIGTERM', () => demo.close().then(() => process.exit(0)));
