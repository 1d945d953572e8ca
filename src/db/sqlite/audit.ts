import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import { isMergeable, mergesInto } from '../audit-merge.js';
import type { AuditEntry, AuditOutcome, AuditStore, LoginEvent } from '../store.js';
import { loginEvents } from './tables.js';

export class SqliteAudit implements AuditStore {
  private readonly insert;
  private readonly latest;
  private readonly merge;
  private readonly settleOutcome;

  constructor(private readonly db: BetterSQLite3Database) {
    this.insert = db
      .insert(loginEvents)
      .values({
        at: sql`${sql.placeholder('at')}`,
        email: sql.placeholder('email'),
        outcome: sql.placeholder('outcome'),
        clientAddress: sql.placeholder('clientAddress'),
        userAgent: sql.placeholder('userAgent'),
      } as never)
      .returning({ id: loginEvents.id })
      .prepare();
    this.latest = db
      .select({
        id: loginEvents.id,
        outcome: loginEvents.outcome,
        clientAddress: loginEvents.clientAddress,
        userAgent: loginEvents.userAgent,
        at: loginEvents.at,
        lastAt: loginEvents.lastAt,
      })
      .from(loginEvents)
      .where(eq(loginEvents.email, sql.placeholder('email')))
      .orderBy(desc(loginEvents.id))
      .limit(1)
      .prepare();
    const id = eq(loginEvents.id, sql.placeholder('id'));
    this.merge = db
      .update(loginEvents)
      .set({ attempts: sql`${loginEvents.attempts} + 1`, lastAt: sql`${sql.placeholder('lastAt')}` })
      .where(id)
      .prepare();
    this.settleOutcome = db
      .update(loginEvents)
      .set({ outcome: sql`${sql.placeholder('outcome')}` })
      .where(id)
      .prepare();
  }

  /** Records an event, merging a repeated refusal; call inside the counting transaction. */
  insertNow(entry: AuditEntry): number {
    const latest = isMergeable(entry) ? this.latest.get({ email: entry.email }) : undefined;
    if (mergesInto(latest, entry)) {
      this.merge.run({ id: latest.id, lastAt: entry.at.getTime() });
      return latest.id;
    }
    return this.insert.get({ ...entry, at: entry.at.getTime() })!.id;
  }

  async record(entry: AuditEntry): Promise<void> {
    // Immediate, so the read of the latest event and the merge into it are one unit.
    this.db.transaction(() => this.insertNow(entry), { behavior: 'immediate' });
  }

  async settle(eventId: number, outcome: AuditOutcome): Promise<void> {
    this.settleNow(eventId, outcome);
  }

  settleNow(eventId: number, outcome: AuditOutcome): void {
    this.settleOutcome.run({ id: eventId, outcome });
  }

  async list(email: string, first: number, after?: number): Promise<LoginEvent[]> {
    const conditions = [eq(loginEvents.email, email)];
    if (after !== undefined) conditions.push(lt(loginEvents.id, after));
    const rows = this.db
      .select()
      .from(loginEvents)
      .where(and(...conditions))
      .orderBy(desc(loginEvents.id))
      .limit(first)
      .all();
    return rows.map((row) => ({ ...row, outcome: row.outcome as AuditOutcome }));
  }

  async prune(before: Date): Promise<number> {
    return this.db.delete(loginEvents).where(lt(loginEvents.at, before)).run().changes;
  }
}
