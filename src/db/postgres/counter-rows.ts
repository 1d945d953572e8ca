import { eq, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

import {
  isEmptyAddress,
  isEmptyAttempts,
  sameAddress,
  sameAttempts,
  type AddressState,
  type AttemptState,
  type Counters,
} from '../../counter/attempt-state.js';
import type { CounterKeys, LockSubject } from '../store.js';
import { addressAttempts, deviceAttempts, loginAttempts } from './tables.js';

const lockTable = (subject: LockSubject) =>
  subject.kind === 'email'
    ? { table: loginAttempts, key: loginAttempts.email, id: subject.email, values: { email: subject.email } }
    : {
        table: deviceAttempts,
        key: deviceAttempts.deviceId,
        id: subject.deviceId,
        values: { deviceId: subject.deviceId },
      };

/**
 * Reads both counter rows of one attempt, locking them. The upsert takes the row lock even
 * when the row exists, so under READ COMMITTED a second transaction for the same key waits
 * here and then reads the first one's committed count. The address row is always locked
 * first, so two transactions can never wait on each other in opposite orders.
 */
export async function lockCounters(tx: NodePgDatabase, keys: CounterKeys): Promise<Counters> {
  const [address] = await tx
    .insert(addressAttempts)
    .values({ address: keys.address })
    .onConflictDoUpdate({
      target: addressAttempts.address,
      set: { updatedAt: sql`${addressAttempts.updatedAt}` },
    })
    .returning({ failures: addressAttempts.failures, windowStartedAt: addressAttempts.windowStartedAt });
  const { table, key, values } = lockTable(keys.lock);
  const [lock] = await tx
    .insert(table)
    .values(values as never)
    .onConflictDoUpdate({ target: key, set: { updatedAt: sql`${table.updatedAt}` } })
    .returning({
      failures: table.failures,
      lockedUntil: table.lockedUntil,
      lockCount: table.lockCount,
      lastLockedAt: table.lastLockedAt,
    });
  return { address: address!, lock: lock! };
}

export async function writeCounters(
  tx: NodePgDatabase,
  keys: CounterKeys,
  before: Counters,
  after: Counters,
  now: Date,
): Promise<void> {
  await writeAddress(tx, keys.address, before.address, after.address, now);
  await writeLock(tx, keys.lock, before.lock, after.lock, now);
}

async function writeAddress(
  tx: NodePgDatabase,
  address: string,
  before: AddressState,
  after: AddressState,
  now: Date,
) {
  const where = eq(addressAttempts.address, address);
  // Empty rows go even when unchanged: lockCounters may just have created them.
  if (isEmptyAddress(after)) await tx.delete(addressAttempts).where(where);
  else if (!sameAddress(before, after))
    await tx
      .update(addressAttempts)
      .set({ ...after, updatedAt: now })
      .where(where);
}

async function writeLock(
  tx: NodePgDatabase,
  subject: LockSubject,
  before: AttemptState,
  after: AttemptState,
  now: Date,
) {
  const { table, key, id } = lockTable(subject);
  const where = eq(key, id);
  if (isEmptyAttempts(after)) await tx.delete(table).where(where);
  else if (!sameAttempts(before, after))
    await tx
      .update(table)
      .set({ ...after, updatedAt: now })
      .where(where);
}
