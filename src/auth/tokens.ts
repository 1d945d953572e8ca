import jwt from 'jsonwebtoken';

const AUDIENCE = 'login-counter:access';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** HS256 access tokens whose subject is the user's public id. */
export class Tokens {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  issue(publicId: string, now: Date): IssuedToken {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + this.ttlSeconds;
    const token = jwt.sign({ iat, exp }, this.secret, { algorithm: 'HS256', subject: publicId, audience: AUDIENCE });
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The subject of a valid token, or undefined. The algorithm is pinned, so neither
   * `alg: none` nor a key-confusion trick is accepted, a token without `exp` is refused
   * because it would never end, and the audience keeps other tokens of ours out.
   */
  verify(token: string, now: Date): string | undefined {
    try {
      const payload = jwt.verify(token, this.secret, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      if (typeof payload !== 'object' || typeof payload.exp !== 'number') return undefined;
      return typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
