import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StoreLocation } from '../../support/stores.js';

const SCRIPT = fileURLToPath(new URL('./collector-process.mjs', import.meta.url));

export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts a collector in its own process on `location`, and waits until it listens. */
export function startCollectorProcess(location: StoreLocation): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, DB_PATH: location.dbPath ?? '', DATABASE_URL: location.databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (!line) return;
      const { url } = JSON.parse(line);
      resolve({
        url,
        child,
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`collector process exited (${code}) before listening: ${errors}`)));
  });
}
