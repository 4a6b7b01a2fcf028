#!/usr/bin/env node
// The demo server's command line: `npm start` (which builds first) or `node demo/server.mjs`.
// Every setting comes from the environment; docs/collector.md lists them all. The main ones:
//
//   PORT           default 8080
//   HOST           default 127.0.0.1 (loopback only)
//   DB_PATH        default ./data/feedback.sqlite
//   DATABASE_URL   postgres://user:password@host:5432/db: store in PostgreSQL instead
//   ADMIN_TOKEN    reads answers (Bearer or the sign-in page); made up and printed when unset
//   ALLOWED_HOSTS  Host names served (comma-separated); default the bound host and localhost
//   PUBLIC_URL     the address people open the collector at (https://feedback.example.com), for links in alerts
//   CORS_ORIGINS   comma-separated origins allowed to post answers from other sites, or *
//   RETENTION_DAYS, PERSONAL_DATA_RETENTION_DAYS   delete old events / callback personal data
//   ALERT_WEBHOOK_URL, ALERT_WEBHOOK_SECRET, ALERT_WEBHOOK_FORMAT, ALERT_ON, ALERT_COMMENT_WAIT,
//   ALERT_WEBHOOK_TIMEOUT   alerts for upset visitors (docs/collector.md, "Alerts and the inbox")
import { existsSync } from 'node:fs';
import { startDemoServer } from './app.mjs';
import { ConfigError, readConfig } from './http/config.mjs';
import { AlertConfigError, readAlertConfig } from './collector/alerts/index.mjs';

let config;
let alertConfig;
try {
  config = readConfig(process.env);
  alertConfig = readAlertConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError) && !(error instanceof AlertConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

if (!existsSync(new URL('../dist/feelback.min.js', import.meta.url))) {
  console.warn('dist/feelback.min.js is missing: run `npm run build` first (npm start does); the widgets will not load.');
}

const time = () => new Date().toISOString().slice(11, 19);
const demo = await startDemoServer({ ...config, alerts: { config: alertConfig }, log: (line) => console.log(`${time()} ${line}`) }).catch((error) => {
  if (error?.code === 'EADDRINUSE') console.error(`Port ${config.port} is in use: set PORT to another one.`);
  // A bad DATABASE_URL or an unreachable database: one sentence naming the variable, no stack.
  else if (error?.code === 'STORE_CONFIG') console.error(error.message);
  else console.error(error);
  process.exit(1);
});

console.log(`feelback demo:    ${demo.url}/`);
console.log(`results:          ${demo.url}/results (sign in at ${demo.url}/signin)`);
console.log(`inbox:            ${demo.url}/inbox`);
console.log(`collector:        POST ${demo.url}/api/feedback`);
console.log(`alerts go to:     ${demo.alertDestination}`);
console.log(`database:         ${demo.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : config.dbPath}`);
if (demo.adminTokenGenerated) {
  console.log(`admin token:      ${demo.adminToken}`);
  console.log('                  (made up for this run: set ADMIN_TOKEN to keep one across restarts)');
}
console.log(`serving hosts:    ${demo.allowedHosts.join(', ')}${config.allowedHosts ? '' : ' (set ALLOWED_HOSTS for a public name)'}`);
if (config.corsOrigins?.length) console.log(`CORS (posting):   ${config.corsOrigins.join(', ')}`);
if (!['127.0.0.1', 'localhost', '::1'].includes(config.host) && !config.allowedHosts) {
  console.warn(`Listening on ${config.host}: set ALLOWED_HOSTS to the name visitors use (e.g. feedback.example.com), or requests for it are refused with 421.`);
}
if (!['127.0.0.1', 'localhost', '::1'].includes(config.host) && !config.publicUrl) {
  console.warn(`Listening on ${config.host}: set PUBLIC_URL (e.g. https://feedback.example.com), or links in alerts point at ${demo.url}.`);
}

function shutdown() {
  demo.close().then(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
