import type { AttemptChange } from '../db/store.js';
import { NO_ATTEMPTS, type AttemptState } from './attempt-state.js';

export interface LockPolicy {
  /** Password checks allowed in one run; the last one that fails starts the lock. */
  maxFailures: number;
  lockoutSeconds: number;
}

/** The gate's answer for one login attempt, decided before any password is checked. */
export type Gate =
  | { kind: 'locked'; lockedUntil: Date }
  | { kind: 'check'; attempt: number; attemptsRemaining: number };

/**
 * Counts one attempt as a failure *before* its password is checked; a success later takes
 * the count back with `clearAfterSuccess`. Counting first is what bounds the password
 * checks: however many requests race, each one gets its own attempt number from the
 * locked row, and the N-th one already carries the lock, so attempt N+1 is refused
 * without a check even while attempt N is still hashing.
 */
export function countAttempt(
  current: AttemptState,
  policy: LockPolicy,
  now: Date,
): AttemptChange<Gate> {
  if (current.lockedUntil !== null && current.lockedUntil > now) {
    // Refused attempts neither count nor extend the lock, so an attacker who keeps
    // knocking cannot keep the owner out for longer than one lockout.
    return { state: current, result: { kind: 'locked', lockedUntil: current.lockedUntil } };
  }
  // An expired lock ends its run: the next failure is the first of a new one.
  const previous = current.lockedUntil === null ? current.failures : 0;
  const lockNow = () => new Date(now.getTime() + policy.lockoutSeconds * 1000);
  if (previous >= policy.maxFailures) {
    // Only reachable when LOGIN_MAX_FAILURES was lowered below an existing count.
    const lockedUntil = lockNow();
    return { state: { failures: previous, lockedUntil }, result: { kind: 'locked', lockedUntil } };
  }
  const attempt = previous + 1;
  const lockedUntil = attempt === policy.maxFailures ? lockNow() : null;
  return {
    state: { failures: attempt, lockedUntil },
    result: { kind: 'check', attempt, attemptsRemaining: policy.maxFailures - attempt },
  };
}

/** A correct password ends the run: the count, and any lock its own attempt started, go. */
export function clearAfterSuccess(): AttemptChange<void> {
  return { state: NO_ATTEMPTS, result: undefined };
}

/** Whole seconds until `lockedUntil`, never below 1 while the lock holds. */
export function retryAfterSeconds(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
}
