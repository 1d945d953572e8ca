import { describe, expect, it } from 'vitest';

import { NO_ATTEMPTS, type AttemptState } from '../../src/counter/attempt-state.js';
import {
  clearLock,
  countAttempt,
  lockSeconds,
  secondsUntil,
  type LockPolicy,
} from '../../src/counter/lock-policy.js';

const policy: LockPolicy = {
  maxFailures: 3,
  lockoutSeconds: 60,
  backoff: 2,
  maxLockoutSeconds: 300,
  resetSeconds: 3600,
};
const now = new Date('2026-01-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const state = (fields: Partial<AttemptState>): AttemptState => ({ ...NO_ATTEMPTS, ...fields });

describe('countAttempt', () => {
  it.each<[string, AttemptState, AttemptState, unknown]>([
    [
      'counts a first attempt',
      NO_ATTEMPTS,
      state({ failures: 1 }),
      { kind: 'check', attempt: 1, attemptsRemaining: 2 },
    ],
    [
      'counts a second attempt',
      state({ failures: 1 }),
      state({ failures: 2 }),
      { kind: 'check', attempt: 2, attemptsRemaining: 1 },
    ],
    [
      'locks with the last allowed attempt, before its check',
      state({ failures: 2 }),
      state({ failures: 3, lockedUntil: at(60), lockCount: 1, lastLockedAt: now }),
      { kind: 'check', attempt: 3, attemptsRemaining: 0 },
    ],
    [
      'refuses while locked and leaves the state alone',
      state({ failures: 3, lockedUntil: at(10), lockCount: 1 }),
      state({ failures: 3, lockedUntil: at(10), lockCount: 1 }),
      { kind: 'locked', lockedUntil: at(10) },
    ],
    [
      'starts a new run once the lock has ended, keeping the lock history',
      state({ failures: 3, lockedUntil: at(0), lockCount: 1, lastLockedAt: at(-60) }),
      state({ failures: 1, lockCount: 1, lastLockedAt: at(-60) }),
      { kind: 'check', attempt: 1, attemptsRemaining: 2 },
    ],
    [
      'locks at once when the limit was lowered below the count',
      state({ failures: 7 }),
      state({ failures: 7, lockedUntil: at(60), lockCount: 1, lastLockedAt: now }),
      { kind: 'locked', lockedUntil: at(60) },
    ],
  ])('%s', (_name, current, expectedState, expectedGate) => {
    const { state: next, gate } = countAttempt(current, policy, now);

    expect(next).toEqual(expectedState);
    expect(gate).toEqual(expectedGate);
  });

  it('never allows more than maxFailures checks in a run, however many attempts', () => {
    let current: AttemptState = NO_ATTEMPTS;
    let checks = 0;

    for (let i = 0; i < 100; i++) {
      const next = countAttempt(current, policy, at(i * 0.5));
      current = next.state;
      if (next.gate.kind === 'check') checks++;
    }

    expect(checks).toBe(3);
    expect(current.lockedUntil).toEqual(at(61));
  });

  it('doubles each lock within the reset window, up to the cap', () => {
    const lengths: number[] = [];
    let current: AttemptState = NO_ATTEMPTS;
    let clock = 0;

    for (let lock = 0; lock < 5; lock++) {
      for (let i = 0; i < 3; i++) current = countAttempt(current, policy, at(clock)).state;
      lengths.push((current.lockedUntil!.getTime() - at(clock).getTime()) / 1000);
      clock = (current.lockedUntil!.getTime() - now.getTime()) / 1000 + 1;
    }

    expect(lengths).toEqual([60, 120, 240, 300, 300]);
  });

  it('starts again from the first length once the reset window has passed', () => {
    // The third lock (240 s) started 4000 s ago, so it ended 3760 s ago: past the 3600 s window.
    const previous = state({ failures: 2, lockCount: 3, lastLockedAt: at(-4000) });

    const { state: next } = countAttempt(previous, policy, now);

    expect(next).toMatchObject({ lockCount: 1, lockedUntil: at(60) });
  });

  it('keeps locks at the cap when the cap is as long as the reset window', () => {
    const capped = { ...policy, maxLockoutSeconds: 300, resetSeconds: 300 };
    const lengths: number[] = [];
    let current: AttemptState = NO_ATTEMPTS;
    let clock = 0;

    for (let lock = 0; lock < 7; lock++) {
      for (let i = 0; i < 3; i++) current = countAttempt(current, capped, at(clock)).state;
      lengths.push((current.lockedUntil!.getTime() - at(clock).getTime()) / 1000);
      clock = (current.lockedUntil!.getTime() - now.getTime()) / 1000 + 1;
    }

    expect(lengths).toEqual([60, 120, 240, 300, 300, 300, 300]);
  });

  it('keeps fixed locks with a backoff of 1', () => {
    expect([1, 2, 3].map((n) => lockSeconds(n, { ...policy, backoff: 1 }))).toEqual([60, 60, 60]);
  });
});

describe('clearLock', () => {
  it('empties the counter, lock and history included', () => {
    expect(clearLock()).toEqual(NO_ATTEMPTS);
  });
});

describe('secondsUntil', () => {
  it.each([
    [at(90), 90],
    [at(0.2), 1],
    [at(1.5), 2],
  ])('until %s is %i seconds', (until, seconds) => {
    expect(secondsUntil(until, now)).toBe(seconds);
  });
});
