import { addressKey } from '../counter/address-key.js';
import { gateAttempt, settleSuccess } from '../counter/gate.js';
import { secondsUntil } from '../counter/lock-policy.js';
import type { CounterKeys } from '../db/store.js';
import { emailProblem, normalizeEmail, normalizePassword, passwordProblem } from './input-rules.js';
import { authenticated } from './issue-tokens.js';
import type { LoginOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface LoginRequest {
  email: string;
  password: string;
  deviceToken?: string | null;
}

/** One login attempt from `clientAddress`, counted in the metrics by its outcome. */
export async function login(deps: AccountDeps, request: LoginRequest, clientAddress: string): Promise<LoginOutcome> {
  const outcome = await attemptLogin(deps, request, clientAddress);
  deps.metrics.attempt(METRIC_OUTCOME[outcome.kind]);
  return outcome;
}

const METRIC_OUTCOME = {
  authenticated: 'success',
  invalid_credentials: 'invalid_credentials',
  locked: 'locked',
  rate_limited: 'rate_limited',
  invalid_input: 'invalid_input',
} as const;

/**
 * Validate, count, check, settle. The count is committed before the password is checked, so
 * a crash or a timeout in between leaves the attempt counted.
 */
async function attemptLogin(deps: AccountDeps, request: LoginRequest, clientAddress: string): Promise<LoginOutcome> {
  const invalid = emailProblem(request.email) ?? passwordProblem(request.password);
  if (invalid) return invalid;
  const { store, passwords, clock } = deps;
  const email = normalizeEmail(request.email);
  const password = normalizePassword(request.password);
  const now = clock();
  // A device token that is not valid for this email is ignored, not refused: the attempt is
  // then counted on the email like any other, so a stolen or forged one buys nothing.
  const device = request.deviceToken ? deps.deviceTokens.verify(request.deviceToken, email, now) : undefined;
  const keys: CounterKeys = {
    lock: device ? { kind: 'device', deviceId: device.deviceId } : { kind: 'email', email },
    address: addressKey(clientAddress),
  };
  const policy = device ? deps.devicePolicy : deps.policy;

  const gate = await store.changeCounters(keys, (current) => gateAttempt(current, policy, now));
  if (gate.kind === 'rate_limited') return { kind: 'rate_limited', retryAfterSeconds: secondsUntil(gate.retryAt, now) };
  if (gate.kind === 'locked') {
    return { kind: 'locked', lockedUntil: gate.lockedUntil, retryAfterSeconds: secondsUntil(gate.lockedUntil, now) };
  }

  const user = await store.findUserByEmail(email);
  // Unknown emails are verified against a dummy hash: same work, same time, same answer.
  const matches = await passwords.verify(user?.passwordHash ?? passwords.dummyHash, password);
  if (!user || !matches || (device && device.publicId !== user.publicId)) {
    if (gate.attemptsRemaining === 0) lockStarted(deps, keys.lock.kind);
    return { kind: 'invalid_credentials', attemptsRemaining: gate.attemptsRemaining };
  }

  await store.changeCounters(keys, (current) => settleSuccess(current, policy, now));
  if (passwords.needsRehash(user.passwordHash)) {
    await store.updatePasswordHash(user.id, await passwords.hash(password));
  }
  const { passwordHash: _hidden, ...record } = user;
  return authenticated(deps, record, now, device?.deviceId);
}

function lockStarted(deps: AccountDeps, counter: 'email' | 'device'): void {
  deps.metrics.locksStarted.inc();
  // No email here: the log must not become a list of targeted accounts for whoever reads it.
  deps.log.warn({ event: 'login_locked', counter }, 'login locked after repeated failures');
}
