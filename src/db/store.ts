import type { Counters } from '../counter/attempt-state.js';
import type { CountersChange } from '../counter/gate.js';

/** A user as the domain sees it; `id` is the internal row id and never leaves the server. */
export interface UserRecord {
  id: number;
  publicId: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
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

export interface NewUser {
  publicId: string;
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  passwordHash: string;
  createdAt: Date;
}

/** Which lock counter an attempt runs on: the email's, or a trusted device's own. */
export type LockSubject = { kind: 'email'; email: string } | { kind: 'device'; deviceId: string };

/** The two counter rows one login attempt reads and writes together. */
export interface CounterKeys {
  lock: LockSubject;
  /** The client address key (see counter/address-key.ts). */
  address: string;
}

/**
 * The persistence port. Each dialect implements it once; everything above it is shared, so the
 * counter's rules live in `counter/` and not in SQL.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Reads both counter rows, applies `change` and writes what it decided, all while holding
   * the rows' write locks, so concurrent callers (requests, processes, instances) see each
   * other's counts. `change` must be synchronous and pure. Empty states delete their row.
   */
  changeCounters<T>(keys: CounterKeys, change: (current: Counters) => CountersChange<T>): Promise<T>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  findUserByPublicId(publicId: string): Promise<UserRecord | undefined>;
  /** Creates the user and its profile in one transaction; `undefined` when the email is taken. */
  createUser(user: NewUser): Promise<UserRecord | undefined>;
  updatePasswordHash(userId: number, passwordHash: string): Promise<void>;
  /** True when the database answers a trivial query. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
