import { bigserial, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
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
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

export const profiles = pgTable('profiles', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  aboutMe: text('about_me').notNull().default(''),
  gender: text('gender'),
  country: text('country'),
  city: text('city'),
});

const timestampMs = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });

const lockCounterColumns = () => ({
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestampMs('locked_until'),
  lockCount: integer('lock_count').notNull().default(0),
  lastLockedAt: timestampMs('last_locked_at'),
  updatedAt: timestampMs('updated_at').notNull().defaultNow(),
});

// Keyed by normalized email, not by user, so unknown emails are counted exactly like known ones.
export const loginAttempts = pgTable('login_attempts', {
  email: text('email').primaryKey(),
  ...lockCounterColumns(),
});

// A trusted device's own counter, so attackers locking the email do not lock its owner out.
export const deviceAttempts = pgTable('device_attempts', {
  deviceId: text('device_id').primaryKey(),
  ...lockCounterColumns(),
});

export const addressAttempts = pgTable('address_attempts', {
  address: text('address').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestampMs('window_started_at'),
  updatedAt: timestampMs('updated_at').notNull().defaultNow(),
});

// One row per issued access token, so a token can be ended before it expires.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestampMs('created_at').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
    endedAt: timestampMs('ended_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.createdAt)],
);

// The audit trail: one row per login attempt, written with the counter it moved.
export const loginEvents = pgTable(
  'login_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestampMs('at').notNull(),
    email: text('email').notNull(),
    outcome: text('outcome').notNull(),
    clientAddress: text('client_address').notNull(),
    userAgent: text('user_agent'),
    // Refused attempts repeated within a minute are one row: see db/audit-merge.ts.
    attempts: integer('attempts').notNull().default(1),
    lastAt: timestampMs('last_at'),
  },
  (t) => [index('login_events_email_idx').on(t.email, t.id), index('login_events_at_idx').on(t.at)],
);
