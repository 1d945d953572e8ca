import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ME, type GraphQLResponse } from '../support/graphql-client.js';
import type { StoreTarget } from '../support/stores.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export function meSuite(target: StoreTarget): void {
  describe('me and tokens', () => {
    let server: TestServer;
    let token: string;
    let userId: string;
    beforeAll(async () => {
      server = await startTestServer(target);
      const res = await server.register('me@example.com', 'my password');
      token = res.data!.register.token;
      userId = res.data!.register.user.id;
    });
    afterAll(async () => {
      await server.close();
      await server.database.dispose();
    });

    const secret = () => server.env.JWT_SECRET!;
    const audience = 'login-counter:access';
    const expectUnauthenticated = (res: GraphQLResponse) => {
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(res.data?.me ?? null).toBeNull();
    };

    it('answers null without an Authorization header, and no error', async () => {
      const res = await server.gql(ME);

      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ me: null });
    });

    it('answers the user for a valid token', async () => {
      const res = await server.gql(ME, {}, token);

      expect(res.errors).toBeUndefined();
      expect(res.data!.me).toEqual({
        id: userId,
        email: 'me@example.com',
        username: 'someone',
        profile: { aboutMe: '' },
      });
    });

    it('accepts a token from login as well as from register', async () => {
      const login = await server.login('me@example.com', 'my password');

      const res = await server.gql(ME, {}, login.data!.login.token);

      expect(res.data!.me.id).toBe(userId);
    });

    it('refuses an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = jwt.sign({ iat: now - 7200, exp: now - 3600, sub: userId, aud: audience }, secret(), {
        algorithm: 'HS256',
      });

      expectUnauthenticated(await server.gql(ME, {}, expired));
    });

    it('refuses a tampered token', async () => {
      const [header, , signature] = token.split('.');
      const claims = { sub: '00000000-0000-4000-8000-000000000000', exp: 9999999999, aud: audience };
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');

      expectUnauthenticated(await server.gql(ME, {}, `${header}.${payload}.${signature}`));
    });

    it('refuses an alg: none token', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: userId, exp: 9999999999, aud: audience })).toString(
        'base64url',
      );

      expectUnauthenticated(await server.gql(ME, {}, `${header}.${payload}.`));
    });

    it('refuses a token signed with another secret', async () => {
      const forged = jwt.sign({ sub: userId, aud: audience }, 'another-secret-that-is-also-32-bytes-long', {
        expiresIn: 60,
      });

      expectUnauthenticated(await server.gql(ME, {}, forged));
    });

    it('refuses a token without exp', async () => {
      const eternal = jwt.sign({ sub: userId, aud: audience }, secret(), { algorithm: 'HS256' });

      expectUnauthenticated(await server.gql(ME, {}, eternal));
    });

    it('refuses a valid token for a user that does not exist', async () => {
      const ghost = jwt.sign({ sub: '00000000-0000-4000-8000-000000000000', aud: audience }, secret(), {
        expiresIn: 60,
      });

      expectUnauthenticated(await server.gql(ME, {}, ghost));
    });

    it('refuses a token signed with our secret but for another audience', async () => {
      const other = jwt.sign({ sub: userId }, secret(), { expiresIn: 60 });

      expectUnauthenticated(await server.gql(ME, {}, other));
    });

    it('refuses a device token used as an access token', async () => {
      const login = await server.gql(
        'mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { deviceToken } } }',
        { input: { email: 'me@example.com', password: 'my password' } },
      );

      expectUnauthenticated(await server.gql(ME, {}, login.data!.login.deviceToken));
    });

    it('refuses an Authorization header that is not a bearer token', async () => {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${token}` },
        body: JSON.stringify({ query: ME }),
      });

      expect(res.status).toBe(401);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
}
