import { and, eq, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

import type { NewUser, UserRecord, UserStore, UserWithPassword } from '../store.js';
import { profiles, users } from './tables.js';

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

export const withoutPassword = ({ passwordHash: _hidden, ...record }: UserWithPassword): UserRecord => record;

export class SqliteUsers implements UserStore {
  private readonly byEmail;

  constructor(private readonly db: BetterSQLite3Database) {
    this.byEmail = db
      .select(userColumns)
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.email, sql.placeholder('email')))
      .prepare();
  }

  async findByEmail(email: string): Promise<UserWithPassword | undefined> {
    return this.byEmail.get({ email });
  }

  async create(user: NewUser): Promise<UserRecord | undefined> {
    return this.db.transaction(
      (tx) => {
        const inserted = tx
          .insert(users)
          .values(user)
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id })
          .get();
        if (!inserted) return undefined;
        tx.insert(profiles).values({ userId: inserted.id }).run();
        const { passwordHash: _hidden, ...rest } = user;
        return {
          ...rest,
          id: inserted.id,
          profile: { aboutMe: '', gender: null, country: null, city: null },
        };
      },
      { behavior: 'immediate' },
    );
  }

  async replacePasswordHash(userId: number, expected: string, passwordHash: string): Promise<boolean> {
    const where = and(eq(users.id, userId), eq(users.passwordHash, expected));
    return this.db.update(users).set({ passwordHash }).where(where).run().changes === 1;
  }

  async updatePasswordHash(userId: number, passwordHash: string): Promise<void> {
    this.db.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
  }
}
