import { and, asc, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

import type { Counters } from '../../counter/attempt-state.js';
import type { CountersChange } from '../../counter/gate.js';
import type { AuditWrite, CounterKeys, CounterStore, LockedEmail } from '../store.js';
import { insertEvent, settleEvent } from './audit.js';
import { lockCounters, writeCounters } from './counter-rows.js';
import { addressAttempts, deviceAttempts, loginAttempts } from './tables.js';
import { inTransaction } from './transaction.js';

export class PostgresCounters implements CounterStore {
  constructor(
    private readonly db: NodePgDatabase,
    private readonly pool: pg.Pool,
  ) {}

  async change<T>(
    keys: CounterKeys,
    now: Date,
    decide: (current: Counters) => CountersChange<T>,
    audit: (result: T) => AuditWrite,
  ): Promise<{ result: T; eventId: number | undefined }> {
    return inTransaction(this.pool, async (tx) => {
      const current = await lockCounters(tx, keys);
      const { state, result } = decide(current);
      await writeCounters(tx, keys, current, state, now);
      const write = audit(result);
      if ('settle' in write) {
        await settleEvent(tx, write.settle.eventId, write.settle.outcome);
        return { result, eventId: write.settle.eventId };
      }
      return { result, eventId: await insertEvent(tx, write.insert) };
    });
  }

  async listLocked(now: Date, first: number, after?: string): Promise<LockedEmail[]> {
    const conditions = [gt(loginAttempts.lockedUntil, now)];
    if (after !== undefined) conditions.push(gt(loginAttempts.email, after));
    const rows = await this.db
      .select({
        email: loginAttempts.email,
        failures: loginAttempts.failures,
        lockedUntil: loginAttempts.lockedUntil,
      })
      .from(loginAttempts)
      .where(and(...conditions))
      .orderBy(asc(loginAttempts.email))
      .limit(first);
    return rows.map((row) => ({ ...row, lockedUntil: row.lockedUntil! }));
  }

  async unlock(email: string): Promise<boolean> {
    const removed = await this.db
      .delete(loginAttempts)
      .where(eq(loginAttempts.email, email))
      .returning({ email: loginAttempts.email });
    return removed.length > 0;
  }

  async prune(now: Date, idleSince: Date): Promise<number> {
    let removed = 0;
    for (const table of [loginAttempts, deviceAttempts]) {
      const idle = and(
        or(isNull(table.lockedUntil), lte(table.lockedUntil, now)),
        lt(table.updatedAt, idleSince),
      );
      removed += (await this.db.delete(table).where(idle).returning({ failures: table.failures })).length;
    }
    const addresses = await this.db
      .delete(addressAttempts)
      .where(lt(addressAttempts.updatedAt, idleSince))
      .returning({ failures: addressAttempts.failures });
    return removed + addresses.length;
  }
}
