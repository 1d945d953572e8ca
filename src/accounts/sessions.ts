import type { TokenClaims } from '../auth/tokens.js';
import type { UserRecord } from '../db/store.js';
import { normalizePassword, passwordProblem, type InputProblem } from './input-rules.js';
import type { InvalidCredentials, Locked, RateLimited } from './outcomes.js';
import { checkPassword } from './password-check.js';
import type { AccountDeps, ClientInfo } from './services.js';

/** Ends the session of the token that made the request. */
export async function logout(deps: AccountDeps, session: TokenClaims): Promise<void> {
  await deps.store.sessions.end(session.sessionId, deps.clock());
}

/** Ends every session of the user, the current one included; answers how many. */
export async function logoutAll(deps: AccountDeps, user: UserRecord): Promise<number> {
  return deps.store.sessions.endAll(user.id, deps.clock());
}

export type ChangePasswordOutcome =
  | { kind: 'password_changed'; sessionsEnded: number }
  | InvalidCredentials
  | Locked
  | RateLimited
  | InputProblem;

/**
 * Changes the password after checking the current one through the login counter (a stolen
 * token must not become a way around it), then ends every other session of the user.
 */
export async function changePassword(
  deps: AccountDeps,
  who: { user: UserRecord; session: TokenClaims },
  request: { current: string; next: string },
  client: ClientInfo,
): Promise<ChangePasswordOutcome> {
  const invalid = passwordProblem(request.current, 'current') ?? passwordProblem(request.next, 'next');
  if (invalid) return invalid;
  const checked = await checkPassword(
    deps,
    { email: who.user.email, password: normalizePassword(request.current) },
    client,
  );
  if (checked.kind !== 'verified') return checked;
  await deps.store.users.updatePasswordHash(
    who.user.id,
    await deps.passwords.hash(normalizePassword(request.next)),
  );
  const sessionsEnded = await deps.store.sessions.endAll(who.user.id, deps.clock(), who.session.sessionId);
  deps.log.info({ event: 'password_changed', userId: who.user.publicId, sessionsEnded }, 'password changed');
  return { kind: 'password_changed', sessionsEnded };
}
