import { and, asc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import type { Counters } from '../../counter/attempt-state.js';
import type { CountersChange } from '../../counter/gate.js';
import type { AuditWrite, CounterKeys, CounterStore, LockedEmail } from '../store.js';
import type { SqliteAudit } from './audit.js';
import { CounterRows } from './counter-rows.js';
import { addressAttempts, deviceAttempts, loginAttempts } from './tables.js';

export class SqliteCounters implements CounterStore {
  private readonly rows: CounterRows;

  constructor(
    private readonly db: BetterSQLite3Database,
    private readonly audit: SqliteAudit,
  ) {
    this.rows = new CounterRows(db);
  }

  async change<T>(
    keys: CounterKeys,
    now: Date,
    decide: (current: Counters) => CountersChange<T>,
    audit: (result: T) => AuditWrite,
  ): Promise<{ result: T; eventId: number | undefined }> {
    // BEGIN IMMEDIATE takes the database's write lock before the reads, so no other
    // connection (in this process or another) can read the same counts in between.
    return this.db.transaction(
      () => {
        const current = { lock: this.rows.readLock(keys.lock), address: this.rows.readAddress(keys.address) };
        const { state, result } = decide(current);
        this.rows.writeAddress(keys.address, current.address, state.address, now);
        this.rows.writeLock(keys.lock, current.lock, state.lock, now);
        const write = audit(result);
        if ('settle' in write) {
          this.audit.settleNow(write.settle.eventId, write.settle.outcome);
          return { result, eventId: write.settle.eventId };
        }
        return { result, eventId: this.audit.insertNow(write.insert) };
      },
      { behavior: 'immediate' },
    );
  }

  async listLocked(now: Date, first: number, after?: string): Promise<LockedEmail[]> {
    const conditions = [gt(loginAttempts.lockedUntil, now)];
    if (after !== undefined) conditions.push(gt(loginAttempts.email, after));
    const rows = this.db
      .select({
        email: loginAttempts.email,
        failures: loginAttempts.failures,
        lockedUntil: loginAttempts.lockedUntil,
      })
      .from(loginAttempts)
      .where(and(...conditions))
      .orderBy(asc(loginAttempts.email))
      .limit(first)
      .all();
    return rows.map((row) => ({ ...row, lockedUntil: row.lockedUntil! }));
  }

  async unlock(email: string): Promise<boolean> {
    return this.db.delete(loginAttempts).where(eq(loginAttempts.email, email)).run().changes > 0;
  }

  async prune(now: Date, idleSince: Date): Promise<number> {
    return this.db.transaction((tx) => {
      let removed = 0;
      for (const table of [loginAttempts, deviceAttempts]) {
        const idle = and(
          or(isNull(table.lockedUntil), lte(table.lockedUntil, now)),
          lt(table.updatedAt, idleSince),
        );
        removed += tx.delete(table).where(idle).run().changes;
      }
      removed += tx.delete(addressAttempts).where(lt(addressAttempts.updatedAt, idleSince)).run().changes;
      return removed;
    });
  }
}
