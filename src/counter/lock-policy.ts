import { NO_ATTEMPTS, type AttemptState } from './attempt-state.js';

export interface LockPolicy {
  /** Password checks allowed in one run; the last one that fails starts the lock. */
  maxFailures: number;
  /** Length of a first lock. */
  lockoutSeconds: number;
  /** Each further lock within `resetSeconds` of the previous one lasts this many times longer. */
  backoff: number;
  maxLockoutSeconds: number;
  resetSeconds: number;
}

export type LockGate =
  { kind: 'locked'; lockedUntil: Date } | { kind: 'check'; attempt: number; attemptsRemaining: number };

/**
 * Counts one attempt as a failure *before* its password is checked; a success later takes
 * the count back with `clearLock`. Counting first is what bounds the password checks:
 * however many requests race, each gets its own attempt number from the locked row, and
 * the N-th one already carries the lock, so attempt N+1 is refused without a check even
 * while attempt N is still hashing.
 */
export function countAttempt(
  current: AttemptState,
  policy: LockPolicy,
  now: Date,
): { state: AttemptState; gate: LockGate } {
  if (current.lockedUntil !== null && current.lockedUntil > now) {
    // Refused attempts neither count nor extend the lock, so an attacker who keeps
    // knocking cannot keep the owner out for longer than the lock already says.
    return { state: current, gate: { kind: 'locked', lockedUntil: current.lockedUntil } };
  }
  // An expired lock ends its run: the next failure is the first of a new one.
  const previous = current.lockedUntil === null ? current.failures : 0;
  if (previous >= policy.maxFailures) {
    // Only reachable when LOGIN_MAX_FAILURES was lowered below an existing count.
    const state = startLock({ ...current, failures: previous }, policy, now);
    return { state, gate: { kind: 'locked', lockedUntil: state.lockedUntil! } };
  }
  const attempt = previous + 1;
  const counted = { ...current, failures: attempt, lockedUntil: null };
  return {
    state: attempt === policy.maxFailures ? startLock(counted, policy, now) : counted,
    gate: { kind: 'check', attempt, attemptsRemaining: policy.maxFailures - attempt },
  };
}

function startLock(state: AttemptState, policy: LockPolicy, now: Date): AttemptState {
  // Measured from the end of the previous lock, not its start: otherwise a lock as long as
  // the reset window would always count as old, and the growth would start over after it.
  const previousEnd =
    state.lastLockedAt === null
      ? null
      : state.lastLockedAt.getTime() + lockSeconds(state.lockCount, policy) * 1000;
  const recent = previousEnd !== null && now.getTime() - previousEnd <= policy.resetSeconds * 1000;
  const lockCount = recent ? state.lockCount + 1 : 1;
  const lockedUntil = new Date(now.getTime() + lockSeconds(lockCount, policy) * 1000);
  return { ...state, lockedUntil, lockCount, lastLockedAt: now };
}

/** Length of the `lockCount`-th lock in a row: lockout × backoff^(count-1), capped. */
export function lockSeconds(lockCount: number, policy: LockPolicy): number {
  const grown = policy.lockoutSeconds * policy.backoff ** Math.max(0, lockCount - 1);
  return Math.min(Math.round(grown), policy.maxLockoutSeconds);
}

/** A correct password ends the run: the count, the lock its own attempt started, the history. */
export function clearLock(): AttemptState {
  return NO_ATTEMPTS;
}

/** Whole seconds until `until`, never below 1 while it is ahead. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
