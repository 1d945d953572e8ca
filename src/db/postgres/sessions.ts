import { and, asc, eq, gt, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

import type { NewSession, SessionStore, UserRecord } from '../store.js';
import { profiles, sessions, users } from './tables.js';
import { inTransaction } from './transaction.js';
import { userColumns } from './users.js';

export class PostgresSessions implements SessionStore {
  private readonly userOfSession;

  constructor(
    private readonly db: NodePgDatabase,
    private readonly pool: pg.Pool,
  ) {
    this.userOfSession = db
      .select(userColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(
        and(
          eq(sessions.id, sql.placeholder('sessionId')),
          eq(users.publicId, sql.placeholder('publicId')),
          isNull(sessions.endedAt),
          gt(sessions.expiresAt, sql.placeholder('now')),
        ),
      )
      .prepare('user_of_session');
  }

  async create(session: NewSession, passwordHash: string, maxPerUser: number | undefined): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      // The user's row lock orders this against a password change (whose UPDATE takes it too)
      // and against the user's other logins, so none of them can count the same sessions.
      const [current] = await tx
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.id, session.userId))
        .for('update');
      if (current?.hash !== passwordHash) return false;
      await tx.insert(sessions).values(session);
      if (maxPerUser === undefined) return true;
      const active = await tx
        .select({ id: sessions.id })
        .from(sessions)
        .where(
          and(
            eq(sessions.userId, session.userId),
            isNull(sessions.endedAt),
            gt(sessions.expiresAt, session.createdAt),
          ),
        )
        .orderBy(asc(sessions.createdAt), asc(sessions.id));
      const excess = active.slice(0, Math.max(0, active.length - maxPerUser)).map((s) => s.id);
      if (excess.length > 0) {
        await tx.update(sessions).set({ endedAt: session.createdAt }).where(inArray(sessions.id, excess));
      }
      return true;
    });
  }

  async findUser(sessionId: string, publicId: string, now: Date): Promise<UserRecord | undefined> {
    const [row] = await this.userOfSession.execute({ sessionId, publicId, now: now.toISOString() });
    if (!row) return undefined;
    const { passwordHash: _hidden, ...record } = row;
    return record;
  }

  async end(sessionId: string, now: Date): Promise<void> {
    await this.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
  }

  async prune(before: Date): Promise<number> {
    return (
      await this.db.delete(sessions).where(lt(sessions.expiresAt, before)).returning({ id: sessions.id })
    ).length;
  }

  async endAll(userId: number, now: Date, except?: string): Promise<number> {
    const conditions = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
    if (except !== undefined) conditions.push(ne(sessions.id, except));
    const ended = await this.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(...conditions))
      .returning({ id: sessions.id });
    return ended.length;
  }
}
