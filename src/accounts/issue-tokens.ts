import { randomUUID } from 'node:crypto';

import type { UserRecord } from '../db/store.js';
import type { Authenticated } from './outcomes.js';
import type { AccountDeps } from './services.js';

/** The answer to a successful login or registration: an access token and a device token. */
export function authenticated(deps: AccountDeps, user: UserRecord, now: Date, deviceId: string = randomUUID()): Authenticated {
  const deviceToken = deps.deviceTokens.issue({ deviceId, publicId: user.publicId }, user.email, now);
  return { kind: 'authenticated', user, deviceToken, ...deps.tokens.issue(user.publicId, now) };
}
