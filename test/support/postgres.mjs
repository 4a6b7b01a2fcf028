// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp
// directory, a server on a free loopback port, gone again after `close()`.
// Uses Debian's packaged binaries (/usr/lib/postgresql/<version>/bin; `.ci/run`
// installs the `postgresql` package when missing). initdb and the server refuse
// to run as root, so under root they run as the `postgres` system user.

import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The newest installed server's bin directory, or PG_BIN when set. */
export function postgresBinDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL is not installed: the collector tests need its server binaries (Debian: apt-get install postgresql; or set PG_BIN).',
    );
  }
  return join(root, versions[0], 'bin');
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Runs a PostgreSQL binary, as `postgres` when we are root.
 * @param {string} binary @param {string[]} args
 */
function run(binary, args) {
  const command = asRoot ? 'runuser' : binary;
  const argv = asRoot ? ['-u', 'postgres', '--', binary, ...args] : args;
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${binary.split('/').pop()} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

/**
 * @typedef {object} PostgresCluster
 * @property {number} port
 * @property {string} dir
 * @property {(database?: string) => string} url a postgres:// URL for `database` (default `feelback`)
 * @property {(name: string) => Promise<string>} createDatabase creates an empty database, returns its URL
 * @property {(database: string, text: string) => Promise<any[]>} query runs one statement in `database`, returns its rows
 * @property {() => void} stop stops the server (fast shutdown: connections are cut), keeping the data
 * @property {() => void} start starts it again on the same port
 * @property {() => void} close stops it and removes its directory
 */

/**
 * @param {{ durable?: boolean }} [options] durable: keep fsync on (benchmarks);
 *   tests turn it off, which only matters if the machine itself crashes.
 * @returns {Promise<PostgresCluster>}
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'feelback-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  run(join(bin, 'initdb'), ['-D', data, '-U', 'feelback', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c max_connections=200',
    ...(durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ].join(' ');
  const pgCtl = join(bin, 'pg_ctl');
  const start = () => run(pgCtl, ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
  const stop = () => run(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
  start();

  let running = true;
  const stopOnExit = () => {
    if (running) spawnSync(asRoot ? 'runuser' : pgCtl, asRoot ? ['-u', 'postgres', '--', pgCtl, '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop']);
  };
  process.once('exit', stopOnExit);

  /** @param {string} [database] */
  const url = (database = 'feelback') => `postgres://feelback@127.0.0.1:${port}/${database}`;
  const admin = new pg.Client({ connectionString: url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE feelback');
  await admin.end();

  return {
    port,
    dir,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${pg.Client.prototype.escapeIdentifier(name)} STRATEGY FILE_COPY`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async query(database, text) {
      const client = new pg.Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    },
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    close() {
      if (running) stop();
      running = false;
      process.off('exit', stopOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
