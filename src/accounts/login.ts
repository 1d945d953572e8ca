import { clearAfterSuccess, countAttempt, retryAfterSeconds } from '../counter/lock-policy.js';
import { emailProblem, normalizeEmail, passwordProblem } from './input-rules.js';
import type { LoginOutcome } from './outcomes.js';
import type { AccountDeps } from './services.js';

export interface LoginRequest {
  email: string;
  password: string;
}

/** One login attempt, counted in the metrics by its outcome. */
export async function login(deps: AccountDeps, request: LoginRequest): Promise<LoginOutcome> {
  const outcome = await attemptLogin(deps, request);
  deps.metrics.attempt(METRIC_OUTCOME[outcome.kind]);
  return outcome;
}

const METRIC_OUTCOME = {
  authenticated: 'success',
  invalid_credentials: 'invalid_credentials',
  locked: 'locked',
  invalid_input: 'invalid_input',
} as const;

/**
 * Validate, count, check, settle. The count is committed before the password is checked, so
 * a crash or a timeout in between leaves the attempt counted.
 */
async function attemptLogin(deps: AccountDeps, request: LoginRequest): Promise<LoginOutcome> {
  const invalid = emailProblem(request.email) ?? passwordProblem(request.password);
  if (invalid) return invalid;
  const { store, passwords, policy, clock } = deps;
  const email = normalizeEmail(request.email);
  const now = clock();

  const gate = await store.changeAttempts(email, (current) => countAttempt(current, policy, now));
  if (gate.kind === 'locked') {
    const retryAfter = retryAfterSeconds(gate.lockedUntil, now);
    return { kind: 'locked', lockedUntil: gate.lockedUntil, retryAfterSeconds: retryAfter };
  }

  const user = await store.findUserByEmail(email);
  // Unknown emails are verified against a dummy hash: same work, same time, same answer.
  const matches = await passwords.verify(user?.passwordHash ?? passwords.dummyHash, request.password);
  if (!user || !matches) {
    if (gate.attemptsRemaining === 0) lockStarted(deps);
    return { kind: 'invalid_credentials', attemptsRemaining: gate.attemptsRemaining };
  }

  await store.changeAttempts(email, clearAfterSuccess);
  if (passwords.needsRehash(user.passwordHash)) {
    await store.updatePasswordHash(user.id, await passwords.hash(request.password));
  }
  const { passwordHash: _hidden, ...record } = user;
  return { kind: 'authenticated', user: record, ...deps.tokens.issue(user.publicId, now) };
}

function lockStarted(deps: AccountDeps): void {
  deps.metrics.locksStarted.inc();
  // No email here: the log must not become a list of targeted accounts for whoever reads it.
  deps.log.warn({ event: 'login_locked', lockoutSeconds: deps.policy.lockoutSeconds }, 'login locked after repeated failures');
}
