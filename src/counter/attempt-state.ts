/** The stored state of one lock counter (an email's, or a trusted device's). */
export interface AttemptState {
  /** Attempts counted in the current run (a run ends with a success or an expired lock). */
  failures: number;
  lockedUntil: Date | null;
  /** Locks started within the reset window; each makes the next one longer. */
  lockCount: number;
  lastLockedAt: Date | null;
}

/** Failures counted for one client address in its current window. */
export interface AddressState {
  failures: number;
  windowStartedAt: Date | null;
}

/** Both counters one login attempt touches, read and written in one transaction. */
export interface Counters {
  lock: AttemptState;
  address: AddressState;
}

export const NO_ATTEMPTS: AttemptState = Object.freeze({
  failures: 0,
  lockedUntil: null,
  lockCount: 0,
  lastLockedAt: null,
});
export const NO_ADDRESS_FAILURES: AddressState = Object.freeze({ failures: 0, windowStartedAt: null });

const sameTime = (a: Date | null, b: Date | null) => a?.getTime() === b?.getTime();

export function sameAttempts(a: AttemptState, b: AttemptState): boolean {
  return (
    a.failures === b.failures &&
    a.lockCount === b.lockCount &&
    sameTime(a.lockedUntil, b.lockedUntil) &&
    sameTime(a.lastLockedAt, b.lastLockedAt)
  );
}

export function sameAddress(a: AddressState, b: AddressState): boolean {
  return a.failures === b.failures && sameTime(a.windowStartedAt, b.windowStartedAt);
}

export const isEmptyAttempts = (state: AttemptState): boolean => sameAttempts(state, NO_ATTEMPTS);
export const isEmptyAddress = (state: AddressState): boolean => sameAddress(state, NO_ADDRESS_FAILURES);
