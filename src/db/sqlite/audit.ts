import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import type { AuditEntry, AuditOutcome, AuditStore, LoginEvent } from '../store.js';
import { loginEvents } from './tables.js';

export class SqliteAudit implements AuditStore {
  private readonly insert;

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
  }

  /** Inserts an event; callable inside a transaction on the same connection. */
  insertNow(entry: AuditEntry): number {
    return this.insert.get({ ...entry, at: entry.at.getTime() })!.id;
  }

  async record(entry: AuditEntry): Promise<void> {
    this.insertNow(entry);
  }

  async settle(eventId: number, outcome: AuditOutcome): Promise<void> {
    this.settleNow(eventId, outcome);
  }

  settleNow(eventId: number, outcome: AuditOutcome): void {
    this.db.update(loginEvents).set({ outcome }).where(eq(loginEvents.id, eventId)).run();
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
