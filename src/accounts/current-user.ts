import type { UserRecord } from '../db/store.js';
import type { AccountDeps } from './services.js';

export type CurrentUser = { kind: 'anonymous' } | { kind: 'invalid_token' } | { kind: 'user'; user: UserRecord };

const BEARER = /^Bearer ([A-Za-z0-9_\-.=+/]+)$/;

/** Who sent the request: nobody (no header), a user, or someone with a token we refuse. */
export async function currentUser(deps: AccountDeps, authorization: string | undefined): Promise<CurrentUser> {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
  const token = BEARER.exec(authorization.trim())?.[1];
  const publicId = token === undefined ? undefined : deps.tokens.verify(token, deps.clock());
  if (publicId === undefined) return { kind: 'invalid_token' };
  // A valid signature for a user that no longer exists is as good as no token.
  const user = await deps.store.findUserByPublicId(publicId);
  return user ? { kind: 'user', user } : { kind: 'invalid_token' };
}
