import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { openStore, registerMigrations } from '../../demo/collector/store/index.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile() {
  const dir = mkdtempSync(join(tmpdir(), 'feelback-migrations-'));
  dirs.push(dir);
  return join(dir, 'feedback.sqlite');
}

// The schema feelback 0.1.0 wrote: each event whole, as received, in `body`.
const SCHEMA_0_1 = `
  CREATE TABLE events (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, widget TEXT NOT NULL,
    created_at TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_by_time ON events (created_at DESC);
  CREATE INDEX events_by_widget ON events (widget, created_at DESC);
  CREATE INDEX events_by_type ON events (type, created_at DESC);
`;

describe('store migrations', () => {
  it('carries a 0.1.0 SQLite file over: events made canonical, their received time kept, invalid rows left out', async () => {
    const path = tempFile();
    const legacy = new Database(path);
    legacy.exec(SCHEMA_0_1);
    const id = randomUUID();
    const event = {
      id,
      type: 'comment',
      widget: 'checkout',
      createdAt: '2025-05-01T10:00:00.000Z',
      comment: { text: 'slow\u0000 page', replyTo: randomUUID() },
      context: { url: 'https://shop.example/', referrer: '', locale: 'en', viewport: { width: 1, height: 1 }, sessionId: 's' },
      padding: 'x'.repeat(5000),
    };
    const insert = legacy.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(id, 'comment', 'checkout', event.createdAt, '2025-05-01T10:00:01.000Z', JSON.stringify(event));
    insert.run(randomUUID(), 'rating', 'x', '2026-02-30T00:00:00Z', '2025-05-01T10:00:02.000Z', '{"broken": true}');
    legacy.close();

    const log: string[] = [];
    const store = await openStore({ dbPath: path, log: (line) => log.push(line) });
    try {
      const { events } = await store.listEvents();
      expect(events).toHaveLength(1);
      const { padding: _padding, ...canonical } = event;
      expect(events[0]).toEqual({ ...canonical, comment: { ...event.comment, text: 'slow page' }, receivedAt: '2025-05-01T10:00:01.000Z' });
      expect(log).toEqual(['database: applied migration feedback v1 canonical events']);
    } finally {
      await store.close();
    }
    // Opening again applies nothing.
    const again = await openStore({ dbPath: path, log: (line) => log.push(line) });
    await again.close();
    expect(log).toHaveLength(1);
  });

  it('rolls back a migration that fails, with its record, and opens nothing', async () => {
    const path = tempFile();
    const failing = { namespace: 'broken', version: 1, name: 'bad sql', sqlite: 'CREATE TABLE ok (id TEXT); CREATE TABLE (', postgres: 'SELECT 1' };
    await expect(openStore({ dbPath: path, migrations: [failing] })).rejects.toThrow();
    const db = new Database(path);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    db.close();
    expect(tables).not.toContain('ok');
    expect(tables).not.toContain('events');
  });

  it('refuses a migration without a step for each store, or one registered twice', () => {
    const migration = { namespace: 'inbox', version: 1, name: 'items', sqlite: 'SELECT 1', postgres: 'SELECT 1' };
    expect(() => registerMigrations([{ ...migration, postgres: undefined as never }])).toThrow(/postgres step/);
    expect(() => registerMigrations([{ ...migration, namespace: 'Bad Name' }])).toThrow(/namespace/);
    registerMigrations([migration]);
    registerMigrations([migration]);
    expect(() => registerMigrations([{ ...migration }])).toThrow(/registered twice/);
  });
});
