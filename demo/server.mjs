#!/usr/bin/env node
// The demo server's command line: `npm start` (which builds first) or `node demo/server.mjs`.
//
//   PORT          default 8080
//   HOST          default 127.0.0.1 (loopback only)
//   DB_PATH       default ./data/feedback.sqlite
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
const corsOrigins = (process.env.CORS_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

if (!existsSync(new URL('../dist/feelback.min.js', import.meta.url))) {
  console.warn('dist/feelback.min.js is missing: run `npm run build` first (npm start does); the widgets will not load.');
}

const time = () => new Date().toISOString().slice(11, 19);
const demo = await startDemoServer({ port, host, dbPath, corsOrigins, log: (line) => console.log(`${time()} ${line}`) }).catch(
  (error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one.` : error);
    process.exit(1);
  },
);

console.log(`feelback demo:    ${demo.url}/`);
console.log(`results:          ${demo.url}/results`);
console.log(`collector:        POST ${demo.url}/api/feedback`);
console.log(`database:         ${dbPath}`);
if (corsOrigins.length) console.log(`CORS allowed for: ${corsOrigins.join(', ')}`);
if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.warn(`Listening on ${host}: /api/events and /results show callback names and phone numbers to anyone who can reach it, with no login.`);
}

function shutdown() {
  demo.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
