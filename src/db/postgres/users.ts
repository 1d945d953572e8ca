import { and, eq, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

import type { NewUser, UserRecord, UserStore, UserWithPassword } from '../store.js';
import { profiles, users } from './tables.js';
import { inTransaction } from './transaction.js';

export const userColumns = {
  id: users.id,
  publicId: users.publicId,
  email: users.email,
  username: users.username,
  firstName: users.firstName,
  lastName: users.lastName,
  role: users.role,
  createdAt: users.createdAt,
  passwordHash: users.passwordHash,
  profile: {
    aboutMe: profiles.aboutMe,
    gender: profiles.gender,
    country: profiles.country,
    city: profiles.city,
  },
};

export class PostgresUsers implements UserStore {
  private readonly byEmail;

  constructor(
    private readonly db: NodePgDatabase,
    private readonly pool: pg.Pool,
  ) {
    this.byEmail = db
      .select(userColumns)
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.email, sql.placeholder('email')))
      .prepare('user_by_email');
  }

  async findByEmail(email: string): Promise<UserWithPassword | undefined> {
    const [row] = await this.byEmail.execute({ email });
    return row;
  }

  async create(user: NewUser): Promise<UserRecord | undefined> {
    return inTransaction(this.pool, async (tx) => {
      const [inserted] = await tx
        .insert(users)
        .values(user)
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!inserted) return undefined;
      await tx.insert(profiles).values({ userId: inserted.id });
      const { passwordHash: _hidden, ...rest } = user;
      return { ...rest, id: inserted.id, profile: { aboutMe: '', gender: null, country: null, city: null } };
    });
  }

  async replacePasswordHash(userId: number, expected: string, passwordHash: string): Promise<boolean> {
    const where = and(eq(users.id, userId), eq(users.passwordHash, expected));
    return (
      (await this.db.update(users).set({ passwordHash }).where(where).returning({ id: users.id })).length ===
      1
    );
  }

  async updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
    await this.db.update(users).set({ passwordHash }).where(eq(users.id, userId));
  }
}
