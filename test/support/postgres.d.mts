// Types for postgres.mjs (plain ESM so that bench/ can use it too).
export interface PostgresCluster {
  port: number;
  dir: string;
  /** A postgres:// URL for `database` (default `feelback`). */
  url(database?: string): string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs one statement in `database` and returns its rows. */
  query(database: string, text: string): Promise<any[]>;
  /** Fast shutdown: open connections are cut; the data stays. */
  stop(): void;
  /** Starts the stopped server again on the same port. */
  start(): void;
  /** Stops the server and removes its directory. */
  close(): void;
}
export function postgresBinDir(): string;
export function startPostgres(options?: { durable?: boolean }): Promise<PostgresCluster>;
