import { describe, expect, it } from 'vitest';

import { NO_ADDRESS_FAILURES, NO_ATTEMPTS, type Counters } from '../../src/counter/attempt-state.js';
import { gateAttempt, settleSuccess, type CounterPolicy } from '../../src/counter/gate.js';

const policy: CounterPolicy = {
  lock: { maxFailures: 3, lockoutSeconds: 60, backoff: 2, maxLockoutSeconds: 600, resetSeconds: 3600 },
  address: { maxFailures: 4, windowSeconds: 100 },
};
const now = new Date('2026-01-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const fresh: Counters = { lock: NO_ATTEMPTS, address: NO_ADDRESS_FAILURES };

describe('gateAttempt', () => {
  it('counts a checked attempt on both counters, opening the address window', () => {
    const { state, result } = gateAttempt(fresh, policy, now);

    expect(result).toEqual({ kind: 'check', attempt: 1, attemptsRemaining: 2 });
    expect(state.address).toEqual({ failures: 1, windowStartedAt: now });
    expect(state.lock.failures).toBe(1);
  });

  it('refuses past the address limit without touching the lock counter', () => {
    const current: Counters = { lock: NO_ATTEMPTS, address: { failures: 4, windowStartedAt: at(-30) } };

    const { state, result } = gateAttempt(current, policy, now);

    expect(result).toEqual({ kind: 'rate_limited', retryAt: at(70) });
    expect(state).toEqual(current);
  });

  it('opens a new address window once the old one has passed', () => {
    const current: Counters = { lock: NO_ATTEMPTS, address: { failures: 4, windowStartedAt: at(-100) } };

    const { state, result } = gateAttempt(current, policy, now);

    expect(result.kind).toBe('check');
    expect(state.address).toEqual({ failures: 1, windowStartedAt: now });
  });

  it('does not count a locked attempt against the address', () => {
    const current: Counters = {
      lock: { ...NO_ATTEMPTS, failures: 3, lockedUntil: at(5) },
      address: NO_ADDRESS_FAILURES,
    };

    const { state, result } = gateAttempt(current, policy, now);

    expect(result.kind).toBe('locked');
    expect(state.address).toEqual(NO_ADDRESS_FAILURES);
  });

  it('cuts a sprayer off at the address limit across many emails', () => {
    let address = NO_ADDRESS_FAILURES;
    const answers = [];

    for (let i = 0; i < 10; i++) {
      const { state, result } = gateAttempt({ lock: NO_ATTEMPTS, address }, policy, at(i));
      address = state.address;
      answers.push(result.kind);
    }

    expect(answers).toEqual(['check', 'check', 'check', 'check', ...Array(6).fill('rate_limited')]);
  });
});

describe('settleSuccess', () => {
  it('clears the lock counter and gives back only its own address failure', () => {
    const current: Counters = {
      lock: { ...NO_ATTEMPTS, failures: 2 },
      address: { failures: 3, windowStartedAt: now },
    };

    const { state } = settleSuccess(current, policy, now);

    expect(state).toEqual({ lock: NO_ATTEMPTS, address: { failures: 2, windowStartedAt: now } });
  });
});
