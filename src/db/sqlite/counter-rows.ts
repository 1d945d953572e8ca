import { eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import {
  isEmptyAddress,
  isEmptyAttempts,
  NO_ADDRESS_FAILURES,
  NO_ATTEMPTS,
  sameAddress,
  sameAttempts,
  type AddressState,
  type AttemptState,
} from '../../counter/attempt-state.js';
import type { LockSubject } from '../store.js';
import { addressAttempts, deviceAttempts, loginAttempts } from './tables.js';

/**
 * Prepared reads and writes of the counter rows. They run on the store's one connection,
 * inside the transaction that SqliteCounters.change opened.
 */
export class CounterRows {
  private readonly email;
  private readonly device;
  private readonly address;

  constructor(db: BetterSQLite3Database) {
    const key = sql.placeholder('key');
    // Wrapped in sql`` so Drizzle passes the value through as is: its timestamp encoder would
    // otherwise call getTime() on null. Times are written as epoch milliseconds.
    const raw = (name: string) => sql`${sql.placeholder(name)}`;
    const lockColumns = (t: typeof loginAttempts | typeof deviceAttempts) => ({
      failures: t.failures,
      lockedUntil: t.lockedUntil,
      lockCount: t.lockCount,
      lastLockedAt: t.lastLockedAt,
    });
    const lockValues = {
      failures: raw('failures'),
      lockedUntil: raw('lockedUntil'),
      lockCount: raw('lockCount'),
      lastLockedAt: raw('lastLockedAt'),
      updatedAt: raw('updatedAt'),
    };
    this.email = {
      read: db
        .select(lockColumns(loginAttempts))
        .from(loginAttempts)
        .where(eq(loginAttempts.email, key))
        .prepare(),
      write: db
        .insert(loginAttempts)
        .values({ email: key, ...lockValues } as never)
        .onConflictDoUpdate({ target: loginAttempts.email, set: lockValues as never })
        .prepare(),
      remove: db.delete(loginAttempts).where(eq(loginAttempts.email, key)).prepare(),
    };
    this.device = {
      read: db
        .select(lockColumns(deviceAttempts))
        .from(deviceAttempts)
        .where(eq(deviceAttempts.deviceId, key))
        .prepare(),
      write: db
        .insert(deviceAttempts)
        .values({ deviceId: key, ...lockValues } as never)
        .onConflictDoUpdate({ target: deviceAttempts.deviceId, set: lockValues as never })
        .prepare(),
      remove: db.delete(deviceAttempts).where(eq(deviceAttempts.deviceId, key)).prepare(),
    };
    const addressValues = {
      failures: raw('failures'),
      windowStartedAt: raw('windowStartedAt'),
      updatedAt: raw('updatedAt'),
    };
    this.address = {
      read: db
        .select({ failures: addressAttempts.failures, windowStartedAt: addressAttempts.windowStartedAt })
        .from(addressAttempts)
        .where(eq(addressAttempts.address, key))
        .prepare(),
      write: db
        .insert(addressAttempts)
        .values({ address: key, ...addressValues } as never)
        .onConflictDoUpdate({ target: addressAttempts.address, set: addressValues as never })
        .prepare(),
      remove: db.delete(addressAttempts).where(eq(addressAttempts.address, key)).prepare(),
    };
  }

  readLock(subject: LockSubject): AttemptState {
    const [rows, key] = this.lockRows(subject);
    return rows.read.get({ key }) ?? NO_ATTEMPTS;
  }

  writeLock(subject: LockSubject, before: AttemptState, after: AttemptState, now: Date): void {
    if (sameAttempts(before, after)) return;
    const [rows, key] = this.lockRows(subject);
    if (isEmptyAttempts(after)) {
      rows.remove.run({ key });
      return;
    }
    rows.write.run({
      key,
      failures: after.failures,
      lockedUntil: epochMs(after.lockedUntil),
      lockCount: after.lockCount,
      lastLockedAt: epochMs(after.lastLockedAt),
      updatedAt: now.getTime(),
    });
  }

  readAddress(address: string): AddressState {
    return this.address.read.get({ key: address }) ?? NO_ADDRESS_FAILURES;
  }

  writeAddress(address: string, before: AddressState, after: AddressState, now: Date): void {
    if (sameAddress(before, after)) return;
    if (isEmptyAddress(after)) {
      this.address.remove.run({ key: address });
      return;
    }
    this.address.write.run({
      key: address,
      failures: after.failures,
      windowStartedAt: epochMs(after.windowStartedAt),
      updatedAt: now.getTime(),
    });
  }

  private lockRows(subject: LockSubject) {
    return subject.kind === 'email'
      ? ([this.email, subject.email] as const)
      : ([this.device, subject.deviceId] as const);
  }
}

const epochMs = (date: Date | null) => date?.getTime() ?? null;
