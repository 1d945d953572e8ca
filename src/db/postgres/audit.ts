import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';

import { isMergeable, mergesInto } from '../audit-merge.js';
import type { AuditEntry, AuditOutcome, AuditStore, LoginEvent } from '../store.js';
import { loginEvents } from './tables.js';

/** Records an event with `db` (the counting transaction), merging a repeated refusal. */
export async function insertEvent(db: NodePgDatabase, entry: AuditEntry): Promise<number> {
  if (isMergeable(entry)) {
    const [latest] = await db
      .select({
        id: loginEvents.id,
        outcome: loginEvents.outcome,
        clientAddress: loginEvents.clientAddress,
        userAgent: loginEvents.userAgent,
        at: loginEvents.at,
        lastAt: loginEvents.lastAt,
      })
      .from(loginEvents)
      .where(eq(loginEvents.email, entry.email))
      .orderBy(desc(loginEvents.id))
      .limit(1);
    if (mergesInto(latest, entry)) {
      await db
        .update(loginEvents)
        .set({ attempts: sql`${loginEvents.attempts} + 1`, lastAt: entry.at })
        .where(eq(loginEvents.id, latest.id));
      return latest.id;
    }
  }
  const [row] = await db.insert(loginEvents).values(entry).returning({ id: loginEvents.id });
  return row!.id;
}

export async function settleEvent(db: NodePgDatabase, eventId: number, outcome: AuditOutcome): Promise<void> {
  await db.update(loginEvents).set({ outcome }).where(eq(loginEvents.id, eventId));
}

export class PostgresAudit implements AuditStore {
  constructor(private readonly db: NodePgDatabase) {}

  async record(entry: AuditEntry): Promise<void> {
    await insertEvent(this.db, entry);
  }

  async settle(eventId: number, outcome: AuditOutcome): Promise<void> {
    await settleEvent(this.db, eventId, outcome);
  }

  async list(email: string, first: number, after?: number): Promise<LoginEvent[]> {
    const conditions = [eq(loginEvents.email, email)];
    if (after !== undefined) conditions.push(lt(loginEvents.id, after));
    const rows = await this.db
      .select()
      .from(loginEvents)
      .where(and(...conditions))
      .orderBy(desc(loginEvents.id))
      .limit(first);
    return rows.map((row) => ({ ...row, outcome: row.outcome as AuditOutcome }));
  }

  async prune(before: Date): Promise<number> {
    const removed = await this.db
      .delete(loginEvents)
      .where(lt(loginEvents.at, before))
      .returning({ id: loginEvents.id });
    return removed.length;
  }
}
