import { describe, expect, it } from 'vitest';

import { NO_ATTEMPTS, type AttemptState } from '../../src/counter/attempt-state.js';
import { clearAfterSuccess, countAttempt, retryAfterSeconds } from '../../src/counter/lock-policy.js';

const policy = { maxFailures: 3, lockoutSeconds: 60 };
const now = new Date('2026-01-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('countAttempt', () => {
  it.each<[string, AttemptState, AttemptState, unknown]>([
    ['counts a first attempt', NO_ATTEMPTS, { failures: 1, lockedUntil: null }, { kind: 'check', attempt: 1, attemptsRemaining: 2 }],
    ['counts a second attempt', { failures: 1, lockedUntil: null }, { failures: 2, lockedUntil: null }, { kind: 'check', attempt: 2, attemptsRemaining: 1 }],
    ['locks with the last allowed attempt, before its check', { failures: 2, lockedUntil: null }, { failures: 3, lockedUntil: at(60) }, { kind: 'check', attempt: 3, attemptsRemaining: 0 }],
    ['refuses while locked and leaves the state alone', { failures: 3, lockedUntil: at(10) }, { failures: 3, lockedUntil: at(10) }, { kind: 'locked', lockedUntil: at(10) }],
    ['starts a new run once the lock has ended', { failures: 3, lockedUntil: at(0) }, { failures: 1, lockedUntil: null }, { kind: 'check', attempt: 1, attemptsRemaining: 2 }],
    ['locks at once when the limit was lowered below the count', { failures: 7, lockedUntil: null }, { failures: 7, lockedUntil: at(60) }, { kind: 'locked', lockedUntil: at(60) }],
  ])('%s', (_name, current, expectedState, expectedResult) => {
    const { state, result } = countAttempt(current, policy, now);

    expect(state).toEqual(expectedState);
    expect(result).toEqual(expectedResult);
  });

  it('with one allowed failure, locks with the first attempt', () => {
    const { state, result } = countAttempt(NO_ATTEMPTS, { maxFailures: 1, lockoutSeconds: 5 }, now);

    expect(state).toEqual({ failures: 1, lockedUntil: at(5) });
    expect(result).toEqual({ kind: 'check', attempt: 1, attemptsRemaining: 0 });
  });

  it('never allows more than maxFailures checks in a run, however many attempts', () => {
    let state: AttemptState = NO_ATTEMPTS;
    let checks = 0;

    for (let i = 0; i < 100; i++) {
      const next = countAttempt(state, policy, at(i * 0.5));
      state = next.state;
      if (next.result.kind === 'check') checks++;
    }

    expect(checks).toBe(3);
    expect(state.lockedUntil).toEqual(at(61));
  });
});

describe('clearAfterSuccess', () => {
  it('empties the row, lock included', () => {
    expect(clearAfterSuccess().state).toEqual(NO_ATTEMPTS);
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [at(90), 90],
    [at(0.2), 1],
    [new Date(now.getTime() + 1500), 2],
  ])('until %s is %i seconds', (lockedUntil, seconds) => {
    expect(retryAfterSeconds(lockedUntil, now)).toBe(seconds);
  });
});
