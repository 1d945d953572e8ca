import type { AddressState } from './attempt-state.js';

export interface AddressPolicy {
  /** Password checks allowed per client address in one window, across all emails. */
  maxFailures: number;
  windowSeconds: number;
}

export type AddressGate = { kind: 'open' } | { kind: 'rate_limited'; retryAt: Date };

const windowEnd = (state: AddressState, policy: AddressPolicy) =>
  state.windowStartedAt === null
    ? null
    : new Date(state.windowStartedAt.getTime() + policy.windowSeconds * 1000);

/** The state with an elapsed window dropped: a fixed window starts at its first failure. */
function current(state: AddressState, policy: AddressPolicy, now: Date): AddressState {
  const end = windowEnd(state, policy);
  return end !== null && end > now ? state : { failures: 0, windowStartedAt: null };
}

/** Whether this address may have a password checked now; spraying stops here. */
export function addressGate(state: AddressState, policy: AddressPolicy, now: Date): AddressGate {
  const live = current(state, policy, now);
  if (live.failures < policy.maxFailures) return { kind: 'open' };
  return { kind: 'rate_limited', retryAt: windowEnd(live, policy)! };
}

/** Counts one password check against the address, before the check, like the lock counter. */
export function countAddressFailure(state: AddressState, policy: AddressPolicy, now: Date): AddressState {
  const live = current(state, policy, now);
  return { failures: live.failures + 1, windowStartedAt: live.windowStartedAt ?? now };
}

/**
 * A success gives back the one failure its own attempt reserved, no more: a client that owns
 * one account must not be able to wipe the budget it spent spraying others.
 */
export function refundAddressFailure(state: AddressState, policy: AddressPolicy, now: Date): AddressState {
  const live = current(state, policy, now);
  if (live.failures === 0) return live;
  return { ...live, failures: live.failures - 1 };
}
