import type { AttemptState } from '../counter/attempt-state.js';

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

/** What a change to an attempts row decided: the row's next state and the caller's answer. */
export interface AttemptChange<T> {
  state: AttemptState;
  result: T;
}

/**
 * The persistence port. Each dialect implements it once; everything above it is shared, so the
 * counter's rules live in `counter/` and not in SQL.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Reads the attempts row of `email`, applies `change` and writes the result, all while
   * holding the row's write lock, so concurrent callers (threads, processes, instances) see
   * each other's counts. `change` must be synchronous and pure.
   */
  changeAttempts<T>(email: string, change: (current: AttemptState) => AttemptChange<T>): Promise<T>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  findUserByPublicId(publicId: string): Promise<UserRecord | undefined>;
  /** Creates the user and its profile in one transaction; `undefined` when the email is taken. */
  createUser(user: NewUser): Promise<UserRecord | undefined>;
  updatePasswordHash(userId: number, passwordHash: string): Promise<void>;
  /** True when the database answers a trivial query. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}
