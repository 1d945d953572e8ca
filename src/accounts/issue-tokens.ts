import { randomUUID } from 'node:crypto';

import type { UserRecord } from '../db/store.js';
import type { Authenticated } from './outcomes.js';
import type { AccountDeps } from './services.js';

/**
 * Starts a session for a successful login or registration: a session row (so the token can be
 * ended early), an access token naming it, and a device token for this client. Undefined when
 * the password changed since it was checked: a login that raced a password change must not
 * come out of it with a session the change could no longer end.
 */
export async function startSession(
  deps: AccountDeps,
  user: UserRecord,
  passwordHash: string,
  now: Date,
  deviceId: string = randomUUID(),
): Promise<Authenticated | undefined> {
  const sessionId = randomUUID();
  const issued = deps.tokens.issue({ publicId: user.publicId, sessionId }, now);
  const created = await deps.store.sessions.create(
    { id: sessionId, userId: user.id, createdAt: now, expiresAt: issued.expiresAt },
    passwordHash,
    deps.maxSessionsPerUser,
  );
  if (!created) return undefined;
  const credential = deps.deviceTokens.credentialOf(passwordHash);
  const deviceToken = deps.deviceTokens.issue(
    { deviceId, publicId: user.publicId, credential },
    user.email,
    now,
  );
  return { kind: 'authenticated', user, deviceToken, ...issued };
}
