import { addressKey } from '../counter/address-key.js';
import { gateAttempt, settleSuccess, type CounterPolicy } from '../counter/gate.js';
import { secondsUntil } from '../counter/lock-policy.js';
import type { AuditOutcome, CounterKeys, UserWithPassword } from '../db/store.js';
import type { InvalidCredentials, Locked, RateLimited } from './outcomes.js';
import type { AccountDeps, ClientInfo } from './services.js';

export interface PasswordCheck {
  /** Normalized email. */
  email: string;
  /** Normalized password. */
  password: string;
  /** A device token verified for this email, if one came with the attempt. */
  device?: { deviceId: string; publicId: string };
}

export type CheckOutcome =
  InvalidCredentials | Locked | RateLimited | { kind: 'verified'; user: UserWithPassword };

/**
 * The one path every password check takes (login, password change): count, check, settle.
 * The count and its audit event are committed before the password is checked, so a crash or
 * a timeout in between leaves the attempt counted, and the trail shows it as pending.
 */
export async function checkPassword(
  deps: AccountDeps,
  check: PasswordCheck,
  client: ClientInfo,
): Promise<CheckOutcome> {
  const { store, passwords, clock } = deps;
  const now = clock();
  const keys: CounterKeys = {
    lock: check.device
      ? { kind: 'device', deviceId: check.device.deviceId }
      : { kind: 'email', email: check.email },
    address: addressKey(client.address),
  };
  const policy: CounterPolicy = check.device ? deps.devicePolicy : deps.policy;
  const event = (outcome: AuditOutcome) => ({
    at: now,
    email: check.email,
    outcome,
    clientAddress: client.address,
    userAgent: client.userAgent,
  });

  const { result: gate, eventId } = await store.counters.change(
    keys,
    now,
    (current) => gateAttempt(current, policy, now),
    (gate) => ({ insert: event(gate.kind === 'check' ? 'pending' : gate.kind) }),
  );
  if (gate.kind === 'rate_limited')
    return { kind: 'rate_limited', retryAfterSeconds: secondsUntil(gate.retryAt, now) };
  if (gate.kind === 'locked') {
    return {
      kind: 'locked',
      lockedUntil: gate.lockedUntil,
      retryAfterSeconds: secondsUntil(gate.lockedUntil, now),
    };
  }

  const user = await store.users.findByEmail(check.email);
  // Unknown emails are verified against a dummy hash: same work, same time, same answer.
  const matches = await passwords.verify(user?.passwordHash ?? passwords.dummyHash, check.password);
  if (!user || !matches || (check.device && check.device.publicId !== user.publicId)) {
    await store.audit.settle(eventId!, user ? 'wrong_password' : 'unknown_email');
    if (gate.attemptsRemaining === 0) lockStarted(deps, keys.lock.kind);
    return { kind: 'invalid_credentials', attemptsRemaining: gate.attemptsRemaining };
  }

  await store.counters.change(
    keys,
    now,
    (current) => settleSuccess(current, policy, now),
    () => ({ settle: { eventId: eventId!, outcome: 'success' } }),
  );
  return { kind: 'verified', user };
}

function lockStarted(deps: AccountDeps, counter: 'email' | 'device'): void {
  deps.metrics.locksStarted.inc();
  // No email here: the log must not become a list of targeted accounts for whoever reads it.
  deps.log.warn({ event: 'login_locked', counter }, 'login locked after repeated failures');
}
