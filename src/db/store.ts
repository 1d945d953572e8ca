import type { Counters } from '../counter/attempt-state.js';
import type { CountersChange } from '../counter/gate.js';

export type Role = 'USER' | 'ADMIN';

/** A user as the domain sees it; `id` is the internal row id and never leaves the server. */
export interface UserRecord {
  id: number;
  publicId: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  role: Role;
  createdAt: Date;
  profile: ProfileRecord;
}

export interface ProfileRecord {
  aboutMe: string;
  gender: string | null;
  country: string | null;
  city: string | null;
}

export interface UserWithPassword extends UserRecord {
  passwordHash: string;
}

export type NewUser = Omit<UserWithPassword, 'id' | 'profile'>;

export interface UserStore {
  findByEmail(email: string): Promise<UserWithPassword | undefined>;
  /** Creates the user and its profile in one transaction; `undefined` when the email is taken. */
  create(user: NewUser): Promise<UserRecord | undefined>;
  updatePasswordHash(userId: number, passwordHash: string): Promise<void>;
  /** Replaces the hash only if it is still `expected`; false when it changed meanwhile. */
  replacePasswordHash(userId: number, expected: string, passwordHash: string): Promise<boolean>;
}

export interface NewSession {
  id: string;
  userId: number;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionStore {
  /**
   * Records a session, only while the user's password hash is still `passwordHash` (false
   * otherwise); with `maxPerUser`, ends the user's oldest active sessions beyond it.
   */
  create(session: NewSession, passwordHash: string, maxPerUser: number | undefined): Promise<boolean>;
  /** The user of a session that is neither ended nor expired and belongs to `publicId`. */
  findUser(sessionId: string, publicId: string, now: Date): Promise<UserRecord | undefined>;
  end(sessionId: string, now: Date): Promise<void>;
  /** Ends every active session of the user but `except`; answers how many were ended. */
  endAll(userId: number, now: Date, except?: string): Promise<number>;
  /** Deletes sessions that expired before `before`; answers how many. */
  prune(before: Date): Promise<number>;
}

export type AuditOutcome =
  | 'success'
  | 'wrong_password'
  | 'unknown_email'
  | 'locked'
  | 'rate_limited'
  | 'invalid_input'
  /** Counted, and its password check never finished (the process stopped in between). */
  | 'pending';

export interface AuditEntry {
  at: Date;
  email: string;
  outcome: AuditOutcome;
  clientAddress: string;
  userAgent: string | null;
}

export interface LoginEvent extends AuditEntry {
  id: number;
  /** Identical refused attempts merged into this event (see db/audit-merge.ts); 1 otherwise. */
  attempts: number;
  /** When the last merged attempt happened; null for a single attempt. */
  lastAt: Date | null;
}

/** What the counting transaction writes to the audit trail with the counters. */
export type AuditWrite = { insert: AuditEntry } | { settle: { eventId: number; outcome: AuditOutcome } };

export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  settle(eventId: number, outcome: AuditOutcome): Promise<void>;
  /** Events for an email, newest first, after the event id `after` when given. */
  list(email: string, first: number, after?: number): Promise<LoginEvent[]>;
  /** Deletes events older than `before`; answers how many. */
  prune(before: Date): Promise<number>;
}

/** Which lock counter an attempt runs on: the email's, or a trusted device's own. */
export type LockSubject = { kind: 'email'; email: string } | { kind: 'device'; deviceId: string };

/** The two counter rows one login attempt reads and writes together. */
export interface CounterKeys {
  lock: LockSubject;
  /** The client address key (see counter/address-key.ts). */
  address: string;
}

export interface LockedEmail {
  email: string;
  failures: number;
  lockedUntil: Date;
}

export interface CounterStore {
  /**
   * Reads both counter rows, applies `decide` and writes what it decided, together with the
   * audit write, all while holding the rows' write locks: concurrent callers (requests,
   * processes, instances) see each other's counts, and the trail never disagrees with the
   * counters. `decide` must be synchronous and pure. Empty states delete their row; `now`
   * stamps the rows, so that idle ones can be pruned.
   */
  change<T>(
    keys: CounterKeys,
    now: Date,
    decide: (current: Counters) => CountersChange<T>,
    audit: (result: T) => AuditWrite,
  ): Promise<{ result: T; eventId: number | undefined }>;
  /** Emails locked at `now`, ordered by email, after `after` when given. */
  listLocked(now: Date, first: number, after?: string): Promise<LockedEmail[]>;
  /** Clears an email's lock and count; false when there was nothing to clear. */
  unlock(email: string): Promise<boolean>;
  /** Deletes counter rows not locked at `now` and untouched since `idleSince`. */
  prune(now: Date, idleSince: Date): Promise<number>;
}

/**
 * The persistence port. Each dialect implements it once; everything above it is shared, so the
 * counter's rules live in `counter/` and not in SQL.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly audit: AuditStore;
  readonly counters: CounterStore;
  /** True when the database answers a trivial query. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
