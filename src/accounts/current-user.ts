import type { TokenClaims } from '../auth/tokens.js';
import type { UserRecord } from '../db/store.js';
import type { AccountDeps } from './services.js';

export type CurrentUser =
  | { kind: 'anonymous' }
  | { kind: 'invalid_token' }
  | { kind: 'user'; user: UserRecord; session: TokenClaims };

const BEARER = /^Bearer ([A-Za-z0-9_\-.=+/]+)$/;

/**
 * Who sent the request: nobody (no header), a user with a live session, or someone with a
 * token we refuse (malformed, forged, expired, or its session was ended).
 */
export async function currentUser(
  deps: AccountDeps,
  authorization: string | undefined,
): Promise<CurrentUser> {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
  const token = BEARER.exec(authorization.trim())?.[1];
  const now = deps.clock();
  const claims = token === undefined ? undefined : deps.tokens.verify(token, now);
  if (claims === undefined) return { kind: 'invalid_token' };
  const user = await deps.store.sessions.findUser(claims.sessionId, claims.publicId, now);
  return user ? { kind: 'user', user, session: claims } : { kind: 'invalid_token' };
}
