#!/usr/bin/env node
// The demo server's command line: `npm start` (which builds first) or `node demo/server.mjs`.
//
//   PORT          default 8080
//   HOST          default 127.0.0.1 (loopback only)
//   DB_PATH       default ./data/feedback.sqlite
//   DATABASE_URL  postgres://user:password@host:5432/db: store in PostgreSQL instead (docs/collector.md, "Storage")
//   CORS_ORIGINS  comma-separated origins allowed to post from other sites, or *
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer } from './app.mjs';

const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT="${process.env.PORT}" is not a port number (0–65535).`);
  process.exit(1);
}
const host = process.env.HOST || '127.0.0.1';
const dbPath = resolve(process.env.DB_PATH || 'data/feedback.sqlite');
const databaseUrl = process.env.DATABASE_URL || undefined;
const corsOrigins = (process.env.CORS_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

if (!existsSync(new URL('../dist/feelback.min.js', import.meta.url))) {
  console.warn('dist/feelback.min.js is missing: run `npm run build` first (npm start does); the widgets will not load.');
}

const time = () => new Date().toISOString().slice(11, 19);
const demo = await startDemoServer({ port, host, dbPath, databaseUrl, corsOrigins, log: (line) => console.log(`${time()} ${line}`) }).catch(
  (error) => {
    if (error.code === 'EADDRINUSE') console.error(`Port ${port} is in use: set PORT to another one.`);
    // A bad DATABASE_URL or an unreachable database: one sentence naming the variable, no stack.
    else if (error.code === 'STORE_CONFIG') console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);

console.log(`feelback demo:    ${demo.url}/`);
console.log(`results:          ${demo.url}/results`);
console.log(`collector:        POST ${demo.url}/api/feedback`);
console.log(`database:         ${demo.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : dbPath}`);
if (corsOrigins.length) console.log(`CORS allowed for: ${corsOrigins.join(', ')}`);
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.warn(`Listening on ${host}: /api/events and /results show callback names and phone numbers to anyone who can reach it, with no login.`);
}

function shutdown() {
  demo.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
