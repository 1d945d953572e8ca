import type { UserWithPassword } from '../db/store.js';
import { emailProblem, normalizeEmail, normalizePassword, passwordProblem } from './input-rules.js';
import { startSession } from './issue-tokens.js';
import type { LoginOutcome } from './outcomes.js';
import { checkPassword } from './password-check.js';
import type { AccountDeps, ClientInfo } from './services.js';

export interface LoginRequest {
  email: string;
  password: string;
  deviceToken?: string | null;
}

/** How the trail records an attempt whose email was refused as malformed. */
export const MALFORMED_EMAIL = '(malformed email)';

const METRIC_OUTCOME = {
  authenticated: 'success',
  invalid_credentials: 'invalid_credentials',
  locked: 'locked',
  rate_limited: 'rate_limited',
  invalid_input: 'invalid_input',
} as const;

/** One login attempt, counted in the metrics and the audit trail by its outcome. */
export async function login(
  deps: AccountDeps,
  request: LoginRequest,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const outcome = await attemptLogin(deps, request, client);
  deps.metrics.attempt(METRIC_OUTCOME[outcome.kind]);
  return outcome;
}

async function attemptLogin(
  deps: AccountDeps,
  request: LoginRequest,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const invalid = emailProblem(request.email) ?? passwordProblem(request.password);
  const now = deps.clock();
  if (invalid) {
    await deps.store.audit.record({
      at: now,
      // A malformed "email" is often a password typed into the wrong box: never keep it.
      email: invalid.field === 'email' ? MALFORMED_EMAIL : normalizeEmail(request.email),
      outcome: 'invalid_input',
      clientAddress: client.address,
      userAgent: client.userAgent,
    });
    return invalid;
  }
  const email = normalizeEmail(request.email);
  const password = normalizePassword(request.password);
  const device = request.deviceToken ? await trustedDevice(deps, request.deviceToken, email, now) : undefined;

  const checked = await checkPassword(deps, { email, password, device }, client);
  if (checked.kind !== 'verified') return checked;
  const passwordHash = await rehashIfStale(deps, checked.user, password);
  const { passwordHash: _hidden, ...user } = checked.user;
  const session = await startSession(deps, user, passwordHash, now, device?.deviceId);
  // The password changed while this one was being checked: it is no longer the password.
  return session ?? { kind: 'invalid_credentials', attemptsRemaining: deps.policy.lock.maxFailures };
}

/**
 * The device of a token that is genuine, for this email's account, and issued under its
 * current password. Anything else is ignored, not refused: the attempt is then counted on
 * the email like any other, so a stolen, forged or revoked token buys nothing.
 */
async function trustedDevice(deps: AccountDeps, token: string, email: string, now: Date) {
  const device = deps.deviceTokens.verify(token, email, now);
  if (!device) return undefined;
  const user = await deps.store.users.findByEmail(email);
  const current =
    user && user.publicId === device.publicId && deps.deviceTokens.credentialOf(user.passwordHash);
  return current === device.credential ? device : undefined;
}

/**
 * Hashes made with older argon2 costs are replaced while the password is at hand; answers the
 * hash in force. Only if unchanged meanwhile: a password change racing this login must win.
 */
async function rehashIfStale(deps: AccountDeps, user: UserWithPassword, password: string): Promise<string> {
  if (!deps.passwords.needsRehash(user.passwordHash)) return user.passwordHash;
  const fresh = await deps.passwords.hash(password);
  const replaced = await deps.store.users.replacePasswordHash(user.id, user.passwordHash, fresh);
  return replaced ? fresh : user.passwordHash;
}
