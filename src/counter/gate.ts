import type { AttemptState, Counters } from './attempt-state.js';
import {
  addressGate,
  countAddressFailure,
  refundAddressFailure,
  type AddressPolicy,
} from './address-policy.js';
import { clearLock, countAttempt, type LockGate, type LockPolicy } from './lock-policy.js';

export interface CounterPolicy {
  lock: LockPolicy;
  address: AddressPolicy;
}

export type Gate = LockGate | { kind: 'rate_limited'; retryAt: Date };

/** A decision on both counters: their next state and the answer for the caller. */
export interface CountersChange<T> {
  state: Counters;
  result: T;
}

/**
 * Decides one login attempt before any password is checked. The address limit comes first,
 * so a sprayer past it neither gets checks nor locks anybody; then the lock counter; an
 * attempt that gets through is counted on both.
 */
export function gateAttempt(current: Counters, policy: CounterPolicy, now: Date): CountersChange<Gate> {
  const address = addressGate(current.address, policy.address, now);
  if (address.kind === 'rate_limited') return { state: current, result: address };
  const { state: lock, gate } = countAttempt(current.lock, policy.lock, now);
  if (gate.kind === 'locked') return { state: { ...current, lock }, result: gate };
  return {
    state: { lock, address: countAddressFailure(current.address, policy.address, now) },
    result: gate,
  };
}

/** Settles a correct password: the lock counter is cleared, the address gets its one back. */
export function settleSuccess(current: Counters, policy: CounterPolicy, now: Date): CountersChange<void> {
  const lock: AttemptState = clearLock();
  return {
    state: { lock, address: refundAddressFailure(current.address, policy.address, now) },
    result: undefined,
  };
}
