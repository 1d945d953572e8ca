import { clearAfterSuccess, countAttempt, retryAfterSeconds } from '../counter/lock-policy.js';
import { emailProblem, normalizeEmail, passwordProblem } from './input-rules.js';
import type { LoginOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * One login attempt: validate, count, check, settle. The count is committed before the
 * password is checked, so a crash or a timeout in between leaves the attempt counted.
 */
export async function login(deps: AccountDeps, request: LoginRequest): Promise<LoginOutcome> {
  const invalid = emailProblem(request.email) ?? passwordProblem(request.password);
  if (invalid) return invalid;
  const { store, passwords, policy, clock, log } = deps;
  const email = normalizeEmail(request.email);
  const now = clock();

  const gate = await store.changeAttempts(email, (current) => countAttempt(current, policy, now));
  if (gate.kind === 'locked') {
    return { kind: 'locked', lockedUntil: gate.lockedUntil, retryAfterSeconds: retryAfterSeconds(gate.lockedUntil, now) };
  }

  const user = await store.findUserByEmail(email);
  // Unknown emails are verified against a dummy hash: same work, same time, same answer.
  const matches = await passwords.verify(user?.passwordHash ?? passwords.dummyHash, request.password);
  if (!user || !matches) {
    if (gate.attemptsRemaining === 0) log.warn({ event: 'account_locked', lockoutSeconds: policy.lockoutSeconds }, 'login locked after repeated failures');
    return { kind: 'invalid_credentials', attemptsRemaining: gate.attemptsRemaining };
  }

  await store.changeAttempts(email, clearAfterSuccess);
  if (passwords.needsRehash(user.passwordHash)) {
    await store.updatePasswordHash(user.id, await passwords.hash(request.password));
  }
  const { passwordHash: _hidden, ...record } = user;
  return { kind: 'authenticated', user: record, ...deps.tokens.issue(user.publicId, now) };
}
