/** The stored state of one email's login counter. */
export interface AttemptState {
  /** Attempts counted in the current run (a run ends with a success or an expired lock). */
  failures: number;
  lockedUntil: Date | null;
}

export const NO_ATTEMPTS: AttemptState = Object.freeze({ failures: 0, lockedUntil: null });

export function isEmpty(state: AttemptState): boolean {
  return state.failures === 0 && state.lockedUntil === null;
}
