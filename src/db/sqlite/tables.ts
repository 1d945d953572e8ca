import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  publicId: text('public_id').notNull().unique(),
  // Stored normalized (trimmed, lowercased), so uniqueness is case-insensitive.
  email: text('email').notNull().unique(),
  username: text('username').notNull(),
  firstName: text('first_name').notNull().default(''),
  lastName: text('last_name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['USER', 'ADMIN'] })
    .notNull()
    .default('USER'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

// One row per issued access token, so a token can be ended before it expires.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.createdAt)],
);

// The audit trail: one row per login attempt, written with the counter it moved.
export const loginEvents = sqliteTable(
  'login_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    email: text('email').notNull(),
    outcome: text('outcome').notNull(),
    clientAddress: text('client_address').notNull(),
    userAgent: text('user_agent'),
    // Refused attempts repeated within a minute are one row: see db/audit-merge.ts.
    attempts: integer('attempts').notNull().default(1),
    lastAt: integer('last_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('login_events_email_idx').on(t.email, t.id), index('login_events_at_idx').on(t.at)],
);

export const profiles = sqliteTable('profiles', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  aboutMe: text('about_me').notNull().default(''),
  gender: text('gender'),
  country: text('country'),
  city: text('city'),
});

const lockCounterColumns = () => ({
  failures: integer('failures').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
  lockCount: integer('lock_count').notNull().default(0),
  lastLockedAt: integer('last_locked_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});

// Keyed by normalized email, not by user, so unknown emails are counted exactly like known ones.
export const loginAttempts = sqliteTable('login_attempts', {
  email: text('email').primaryKey(),
  ...lockCounterColumns(),
});

// A trusted device's own counter, so attackers locking the email do not lock its owner out.
export const deviceAttempts = sqliteTable('device_attempts', {
  deviceId: text('device_id').primaryKey(),
  ...lockCounterColumns(),
});

export const addressAttempts = sqliteTable('address_attempts', {
  address: text('address').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch() * 1000)`),
});
