import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';

import type { Store } from '../store.js';
import { SqliteAudit } from './audit.js';
import { SqliteCounters } from './counters.js';
import { migrateSqlite } from './migrate.js';
import { SqliteSessions } from './sessions.js';
import { SqliteUsers } from './users.js';

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}

export function openSqliteStore(databaseUrl: string): SqliteStore {
  const path = sqlitePath(databaseUrl);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers run beside the one writer. With synchronous=NORMAL a commit is in the
  // WAL (safe from a process crash) before its password is checked; only a power loss can
  // drop the last few commits, and it costs no fsync per login.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  migrateSqlite(sqlite);
  return new SqliteStore(sqlite);
}

export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  readonly users;
  readonly sessions;
  readonly audit;
  readonly counters;
  private readonly ping;

  constructor(private readonly sqlite: Database.Database) {
    const db = drizzle(sqlite);
    this.users = new SqliteUsers(db);
    this.sessions = new SqliteSessions(db);
    const audit = new SqliteAudit(db);
    this.audit = audit;
    this.counters = new SqliteCounters(db, audit);
    this.ping = db
      .select({ one: sql<number>`1` })
      .from(sql`(select 1)`)
      .prepare();
  }

  async isHealthy(): Promise<boolean> {
    try {
      return this.ping.get()?.one === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }
}
