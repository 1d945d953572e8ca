import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

import jwt from 'jsonwebtoken';

export interface TrustedDevice {
  deviceId: string;
  /** Public id of the account the device was trusted for. */
  publicId: string;
  /** Fingerprint of the password hash it was issued under (see `credentialOf`). */
  credential: string;
}

const AUDIENCE = 'login-counter:device';

/**
 * Device tokens mark a browser or app that has logged in to an account before. A login that
 * presents one for the same email is counted on that device's own counter instead of the
 * email's, so failures caused by others do not lock the owner out. They are signed with a key
 * derived from JWT_SECRET (never usable as access tokens, nor the reverse) and bound to the
 * email by its hash, so a token for one account is worthless for another. They also carry a
 * fingerprint of the password hash they were issued under, so changing the password revokes
 * every device token of the account without any state on the server.
 */
export class DeviceTokens {
  /** A KeyObject, not a Buffer: see Tokens for why. */
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(createHmac('sha256', secret).update('device-token-key').digest());
  }

  /** A keyed fingerprint of a password hash: equal while the password is unchanged. */
  credentialOf(passwordHash: string): string {
    return createHmac('sha256', this.key).update(passwordHash).digest('base64url').slice(0, 22);
  }

  issue(device: TrustedDevice, email: string, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    const claims = {
      iat,
      exp: iat + this.ttlSeconds,
      did: device.deviceId,
      eml: emailHash(email),
      crd: device.credential,
    };
    return jwt.sign(claims, this.key, { algorithm: 'HS256', subject: device.publicId, audience: AUDIENCE });
  }

  /** The device, when the token is genuine, unexpired and was issued for this email. */
  verify(token: string, email: string, now: Date): TrustedDevice | undefined {
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      if (typeof claims !== 'object' || typeof claims.exp !== 'number') return undefined;
      const { did, eml, sub, crd } = claims as Record<string, unknown>;
      if (typeof did !== 'string' || typeof sub !== 'string' || typeof crd !== 'string') return undefined;
      if (eml !== emailHash(email)) return undefined;
      return { deviceId: did, publicId: sub, credential: crd };
    } catch {
      return undefined;
    }
  }
}

function emailHash(email: string): string {
  return createHash('sha256').update(email).digest('base64url');
}
