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

const METRIC_OUTCOME = {
  authenticated: 'success',
  invalid_credentials: 'invalid_credentials',
  locked: 'locked',
  rate_limited: 'rate_limited',
  invalid_input: 'invalid_input',
} as const;

/** One login attempt, counted in the metrics and the audit trail by its outcome. */
export async function login(deps: AccountDeps, request: LoginRequest, client: ClientInfo): Promise<LoginOutcome> {
  const outcome = await attemptLogin(deps, request, client);
  deps.metrics.attempt(METRIC_OUTCOME[outcome.kind]);
  return outcome;
}

async function attemptLogin(deps: AccountDeps, request: LoginRequest, client: ClientInfo): Promise<LoginOutcome> {
  const invalid = emailProblem(request.email) ?? passwordProblem(request.password);
  const now = deps.clock();
  if (invalid) {
    await deps.store.audit.record({
      at: now,
      email: printableEmail(request.email),
      outcome: 'invalid_input',
      clientAddress: client.address,
      userAgent: client.userAgent,
    });
    return invalid;
  }
  const email = normalizeEmail(request.email);
  // A device token that is not valid for this email is ignored, not refused: the attempt is
  // then counted on the email like any other, so a stolen or forged one buys nothing.
  const device = request.deviceToken ? deps.deviceTokens.verify(request.deviceToken, email, now) : undefined;

  const checked = await checkPassword(deps, { email, password: normalizePassword(request.password), device }, client);
  if (checked.kind !== 'verified') return checked;
  await rehashIfStale(deps, checked.user, normalizePassword(request.password));
  const { passwordHash: _hidden, ...user } = checked.user;
  return startSession(deps, user, now, device?.deviceId);
}

/** Hashes made with older argon2 costs are replaced while the password is at hand. */
async function rehashIfStale(deps: AccountDeps, user: UserWithPassword, password: string): Promise<void> {
  if (!deps.passwords.needsRehash(user.passwordHash)) return;
  await deps.store.users.updatePasswordHash(user.id, await deps.passwords.hash(password));
}

/** A refused email as the trail can keep it: no NUL, no lone surrogate, bounded length. */
function printableEmail(email: string): string {
  return normalizeEmail(email.slice(0, 512).toWellFormed().replaceAll('\u0000', '\uFFFD')).slice(0, 320);
}
