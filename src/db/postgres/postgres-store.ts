import { eq, sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';

import type { Counters } from '../../counter/attempt-state.js';
import type { CountersChange } from '../../counter/gate.js';
import type { Logger } from '../../log/logger.js';
import type { CounterKeys, NewUser, Store, UserRecord, UserWithPassword } from '../store.js';
import { lockCounters, writeCounters } from './counter-rows.js';
import { migratePostgres } from './migrate.js';
import { profiles, users } from './tables.js';

export interface PostgresOptions {
  poolMax: number;
  statementTimeoutMs: number;
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//i.test(databaseUrl);
}

export async function openPostgresStore(databaseUrl: string, options: PostgresOptions, log: Logger): Promise<PostgresStore> {
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

const userColumns = {
  id: users.id,
  publicId: users.publicId,
  email: users.email,
  username: users.username,
  firstName: users.firstName,
  lastName: users.lastName,
  createdAt: users.createdAt,
  passwordHash: users.passwordHash,
  profile: { aboutMe: profiles.aboutMe, gender: profiles.gender, country: profiles.country, city: profiles.city },
};

export class PostgresStore implements Store {
  readonly dialect = 'postgres';
  private readonly db: NodePgDatabase;
  private readonly statements;

  constructor(private readonly pool: pg.Pool) {
    const db = (this.db = drizzle({ client: pool }));
    const selectUser = () => db.select(userColumns).from(users).innerJoin(profiles, eq(profiles.userId, users.id));
    this.statements = {
      userByEmail: selectUser().where(eq(users.email, sql.placeholder('email'))).prepare('user_by_email'),
      userByPublicId: selectUser().where(eq(users.publicId, sql.placeholder('publicId'))).prepare('user_by_public_id'),
    };
  }

  async changeCounters<T>(keys: CounterKeys, change: (current: Counters) => CountersChange<T>): Promise<T> {
    return this.transaction(async (tx) => {
      const current = await lockCounters(tx, keys);
      const { state, result } = change(current);
      await writeCounters(tx, keys, current, state);
      return result;
    });
  }

  /**
   * Drizzle's own transaction() checks a client out and sends BEGIN outside its try block, so a
   * connection killed at that moment is never released and the pool slowly runs dry; it also
   * returns broken clients to the pool. Here every path releases, and a failed client is
   * destroyed instead of reused.
   */
  private async transaction<T>(work: (tx: NodePgDatabase) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(drizzle({ client }));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failure = error instanceof Error ? error : new Error('transaction failed');
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const [row] = await this.statements.userByEmail.execute({ email });
    return row;
  }

  async findUserByPublicId(publicId: string): Promise<UserRecord | undefined> {
    const [row] = await this.statements.userByPublicId.execute({ publicId });
    if (!row) return undefined;
    const { passwordHash: _hidden, ...record } = row;
    return record;
  }

  async createUser(user: NewUser): Promise<UserRecord | undefined> {
    return this.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(users)
        .values(user)
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!inserted) return undefined;
      await tx.insert(profiles).values({ userId: inserted.id });
      const { passwordHash: _hidden, ...rest } = user;
      return { ...rest, id: inserted.id, profile: { aboutMe: '', gender: null, country: null, city: null } };
    });
  }

  async updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.db.update(users).set({ passwordHash }).where(eq(users.id, userId));
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
