import { createSecretKey, type KeyObject } from 'node:crypto';

import jwt from 'jsonwebtoken';

const AUDIENCE = 'login-counter:access';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** What a valid access token says: whose it is and which session it belongs to. */
export interface TokenClaims {
  publicId: string;
  sessionId: string;
}

/** HS256 access tokens: subject is the user's public id, `jti` the session id. */
export class Tokens {
  // jsonwebtoken first tries a string or Buffer secret as a PEM public or private key and
  // only falls back to a secret key when that throws: ~0.5 ms per sign or verify, most of a
  // `me` request. A KeyObject skips the guess.
  private readonly key: KeyObject;

  constructor(
    secret: string,
    readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(claims: TokenClaims, now: Date): IssuedToken {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = jwt.sign({ iat, exp }, this.key, {
      algorithm: 'HS256',
      subject: claims.publicId,
      jwtid: claims.sessionId,
      audience: AUDIENCE,
    });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The claims of a valid token, or undefined. The algorithm is pinned, so neither
   * `alg: none` nor a key-confusion trick is accepted, a token without `exp` is refused
   * because it would never end, and the audience keeps other tokens of ours out.
   */
  verify(token: string, now: Date): TokenClaims | undefined {
    try {
      const payload = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      if (typeof payload !== 'object' || typeof payload.exp !== 'number') return undefined;
      const { sub, jti } = payload;
      if (typeof sub !== 'string' || sub === '' || typeof jti !== 'string' || jti === '') return undefined;
      return { publicId: sub, sessionId: jti };
    } catch {
      return undefined;
    }
  }
}
