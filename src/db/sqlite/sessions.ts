import { and, asc, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import type { NewSession, SessionStore, UserRecord } from '../store.js';
import { profiles, sessions, users } from './tables.js';
import { userColumns, withoutPassword } from './users.js';

export class SqliteSessions implements SessionStore {
  private readonly userOfSession;

  constructor(private readonly db: BetterSQLite3Database) {
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
          gt(sessions.expiresAt, sql`${sql.placeholder('now')}`),
        ),
      )
      .prepare();
  }

  async create(session: NewSession, passwordHash: string, maxPerUser: number | undefined): Promise<boolean> {
    return this.db.transaction(
      (tx) => {
        const current = tx
          .select({ hash: users.passwordHash })
          .from(users)
          .where(eq(users.id, session.userId))
          .get();
        if (current?.hash !== passwordHash) return false;
        tx.insert(sessions).values(session).run();
        if (maxPerUser === undefined) return true;
        const active = tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(
            and(
              eq(sessions.userId, session.userId),
              isNull(sessions.endedAt),
              gt(sessions.expiresAt, session.createdAt),
            ),
          )
          .orderBy(asc(sessions.createdAt), asc(sessions.id))
          .all();
        for (const { id } of active.slice(0, Math.max(0, active.length - maxPerUser))) {
          tx.update(sessions).set({ endedAt: session.createdAt }).where(eq(sessions.id, id)).run();
        }
        return true;
      },
      { behavior: 'immediate' },
    );
  }

  async findUser(sessionId: string, publicId: string, now: Date): Promise<UserRecord | undefined> {
    const row = this.userOfSession.get({ sessionId, publicId, now: now.getTime() });
    return row && withoutPassword(row);
  }

  async end(sessionId: string, now: Date): Promise<void> {
    this.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)))
      .run();
  }

  async prune(before: Date): Promise<number> {
    return this.db.delete(sessions).where(lt(sessions.expiresAt, before)).run().changes;
  }

  async endAll(userId: number, now: Date, except?: string): Promise<number> {
    const conditions = [eq(sessions.userId, userId), isNull(sessions.endedAt)];
    if (except !== undefined) conditions.push(ne(sessions.id, except));
    return this.db
      .update(sessions)
      .set({ endedAt: now })
      .where(and(...conditions))
      .run().changes;
  }
}
