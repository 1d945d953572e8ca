import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';

import type { Logger } from '../../log/logger.js';
import type { Store } from '../store.js';
import { PostgresAudit } from './audit.js';
import { PostgresCounters } from './counters.js';
import { migratePostgres } from './migrate.js';
import { PostgresSessions } from './sessions.js';
import { PostgresUsers } from './users.js';

export interface PostgresOptions {
  poolMax: number;
  statementTimeoutMs: number;
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

export async function openPostgresStore(
  databaseUrl: string,
  options: PostgresOptions,
  log: Logger,
): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolMax,
    application_name: 'login-counter',
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    // Also bounds a query whose server went silent (no RST), which statement_timeout cannot.
    query_timeout: options.statementTimeoutMs + 1000,
    lock_timeout: options.statementTimeoutMs,
  });
  // An idle client whose connection dies emits 'error' on the pool; a checked-out one emits it
  // on itself, where no listener means an uncaught exception. Both are expected when the
  // database restarts: the query in flight fails, the pool reconnects on the next checkout.
  const onError = (error: Error & { code?: string }) =>
    log.warn({ code: error.code ?? 'unknown' }, 'database connection lost');
  pool.on('error', onError);
  pool.on('connect', (client) => client.on('error', onError));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}

export class PostgresStore implements Store {
  readonly dialect = 'postgres';
  readonly users;
  readonly sessions;
  readonly audit;
  readonly counters;

  constructor(private readonly pool: pg.Pool) {
    const db = drizzle({ client: pool });
    this.users = new PostgresUsers(db, pool);
    this.sessions = new PostgresSessions(db, pool);
    this.audit = new PostgresAudit(db);
    this.counters = new PostgresCounters(db, pool);
  }

  async isHealthy(): Promise<boolean> {
    try {
      const result = await this.pool.query('SELECT 1 AS one');
      return result.rows[0]?.one === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
