import type { TokenClaims } from '../auth/tokens.js';
import type { UserRecord } from '../db/store.js';
import type { RequestContext } from './context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';

export interface SignedIn {
  user: UserRecord;
  session: TokenClaims;
}

/** The signed-in user, or UNAUTHENTICATED. */
export async function requireUser(ctx: RequestContext): Promise<SignedIn> {
  const who = await ctx.who();
  if (who.kind === 'user') return who;
  if (who.kind === 'anonymous')
    throw new UnauthenticatedError('Log in first: send Authorization: Bearer <token>.');
  throw new UnauthenticatedError();
}

/** An admin, or FORBIDDEN for anyone else; a refused token stays UNAUTHENTICATED. */
export async function requireAdmin(ctx: RequestContext): Promise<SignedIn> {
  const who = await ctx.who();
  if (who.kind === 'invalid_token') throw new UnauthenticatedError();
  if (who.kind !== 'user' || who.user.role !== 'ADMIN') throw new ForbiddenError();
  return who;
}
