import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import type { Counters } from '../../counter/attempt-state.js';
import type { CountersChange } from '../../counter/gate.js';
import type { CounterKeys, NewUser, Store, UserRecord, UserWithPassword } from '../store.js';
import { CounterRows } from './counter-rows.js';
import { migrateSqlite } from './migrate.js';
import { profiles, users } from './tables.js';

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export function sqlitePath(databaseUrl: string): string {
  return databaseUrl.replace(/^(sqlite|file):(\/\/)?/, '');
}

export function openSqliteStore(databaseUrl: string): SqliteStore {
  const path = sqlitePath(databaseUrl);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets readers run beside the one writer; FULL makes every counted attempt durable
  // before its password is checked, even across a power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  migrateSqlite(sqlite);
  return new SqliteStore(sqlite);
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
  aboutMe: profiles.aboutMe,
  gender: profiles.gender,
  country: profiles.country,
  city: profiles.city,
};

type UserRow = { [K in keyof typeof userColumns]: (typeof userColumns)[K]['_']['data'] | null };

export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  private readonly db: BetterSQLite3Database;
  private readonly statements;
  private readonly counters: CounterRows;

  constructor(private readonly sqlite: Database.Database) {
    this.db = drizzle(sqlite);
    const db = this.db;
    this.counters = new CounterRows(db);
    const selectUser = () =>
      db.select(userColumns).from(users).innerJoin(profiles, eq(profiles.userId, users.id));
    this.statements = {
      userByEmail: selectUser().where(eq(users.email, sql.placeholder('email'))).prepare(),
      userByPublicId: selectUser().where(eq(users.publicId, sql.placeholder('publicId'))).prepare(),
      ping: db.select({ one: sql<number>`1` }).from(sql`(select 1)`).prepare(),
    };
  }

  async changeCounters<T>(keys: CounterKeys, change: (current: Counters) => CountersChange<T>): Promise<T> {
    // BEGIN IMMEDIATE takes the database's write lock before the reads, so no other
    // connection (in this process or another) can read the same counts in between.
    return this.db.transaction(
      () => {
        const current = { lock: this.counters.readLock(keys.lock), address: this.counters.readAddress(keys.address) };
        const { state, result } = change(current);
        this.counters.writeAddress(keys.address, current.address, state.address);
        this.counters.writeLock(keys.lock, current.lock, state.lock);
        return result;
      },
      { behavior: 'immediate' },
    );
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    return toUser(this.statements.userByEmail.get({ email }));
  }

  async findUserByPublicId(publicId: string): Promise<UserRecord | undefined> {
    const user = toUser(this.statements.userByPublicId.get({ publicId }));
    if (!user) return undefined;
    const { passwordHash: _hidden, ...record } = user;
    return record;
  }

  async createUser(user: NewUser): Promise<UserRecord | undefined> {
    return this.db.transaction(
      (tx) => {
        const inserted = tx
          .insert(users)
          .values(user)
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id })
          .get();
        if (!inserted) return undefined;
        tx.insert(profiles).values({ userId: inserted.id }).run();
        const { passwordHash: _hidden, ...rest } = user;
        return { ...rest, id: inserted.id, profile: { aboutMe: '', gender: null, country: null, city: null } };
      },
      { behavior: 'immediate' },
    );
  }

  async updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
    this.db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  }

  async isHealthy(): Promise<boolean> {
    try {
      return this.statements.ping.get()?.one === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.sqlite.open) this.sqlite.close();
  }
}

function toUser(row: UserRow | undefined): UserWithPassword | undefined {
  if (!row) return undefined;
  return {
    id: row.id!,
    publicId: row.publicId!,
    email: row.email!,
    username: row.username!,
    firstName: row.firstName!,
    lastName: row.lastName!,
    createdAt: row.createdAt!,
    passwordHash: row.passwordHash!,
    profile: { aboutMe: row.aboutMe ?? '', gender: row.gender, country: row.country, city: row.city },
  };
}
