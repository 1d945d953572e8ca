import type { IssuedToken } from '../auth/tokens.js';
import type { UserRecord } from '../db/store.js';
import type { InputProblem } from './input-rules.js';

/** Expected outcomes are values, not exceptions; the GraphQL layer maps each to a union member. */
export interface Authenticated extends IssuedToken {
  kind: 'authenticated';
  user: UserRecord;
  /** Marks this client as a trusted device of the account for later logins. */
  deviceToken: string;
}

export interface InvalidCredentials {
  kind: 'invalid_credentials';
  attemptsRemaining: number;
}

export interface Locked {
  kind: 'locked';
  lockedUntil: Date;
  retryAfterSeconds: number;
}

export interface RateLimited {
  kind: 'rate_limited';
  retryAfterSeconds: number;
}

export interface EmailTaken {
  kind: 'email_taken';
}

export type LoginOutcome = Authenticated | InvalidCredentials | Locked | RateLimited | InputProblem;
export type RegisterOutcome = Authenticated | EmailTaken | InputProblem;
