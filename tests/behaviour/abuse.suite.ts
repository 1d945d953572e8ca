import { randomUUID } from 'node:crypto';

import { afterEach, describe, expect, it } from 'vitest';

import { gql, LOGIN, REGISTER } from '../support/graphql-client.js';
import type { StoreTarget } from '../support/stores.js';
import { startTestServer, TestClock, type TestServer } from '../support/test-server.js';

const PASSWORD = 'the right password';
const WRONG = 'a wrong password';
const LOGIN_WITH_DEVICE = /* GraphQL */ `
  mutation ($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on AuthPayload {
        token
        deviceToken
        user {
          id
        }
      }
      ... on InvalidCredentials {
        attemptsRemaining
      }
      ... on AccountLocked {
        retryAfterSeconds
      }
      ... on TooManyAttempts {
        retryAfterSeconds
        message
      }
    }
  }
`;

export function abuseSuite(target: StoreTarget): void {
  describe('abuse resistance', () => {
    let server: TestServer;
    let clock: TestClock;
    const start = async (env: Record<string, string> = {}) => {
      clock = new TestClock();
      server = await startTestServer(target, { env, clock });
    };
    afterEach(async () => {
      await server.close();
      await server.database.dispose();
    });
    const checks = () => server.passwordChecks();
    /** A login as seen through one trusted proxy, from `client`. */
    const loginFrom = (client: string, input: Record<string, unknown>) =>
      gql(server.url, LOGIN_WITH_DEVICE, { input }, { headers: { 'x-forwarded-for': client } });
    const names = (results: Array<{ data: any }>) => results.map((r) => r.data.login.__typename as string);
    const inBatches = async <T>(count: number, size: number, run: (i: number) => Promise<T>) => {
      const results: T[] = [];
      for (let i = 0; i < count; i += size) {
        results.push(
          ...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => run(i + j)))),
        );
      }
      return results;
    };

    it('cuts a password sprayer off at IP_MAX_FAILURES across 200 accounts, without locking anyone', async () => {
      await start({ IP_MAX_FAILURES: '50', IP_WINDOW_SECONDS: '600', TRUST_PROXY: '1' });
      await server.register('owner@example.com', PASSWORD);
      const before = await checks();

      const results = await inBatches(200, 25, (i) =>
        loginFrom('203.0.113.66', {
          email: i === 0 ? 'owner@example.com' : `user${i}@example.com`,
          password: WRONG,
        }),
      );
      const owner = await loginFrom('198.51.100.2', { email: 'owner@example.com', password: PASSWORD });

      const answers = names(results);
      expect(answers.filter((n) => n === 'InvalidCredentials')).toHaveLength(50);
      expect(answers.filter((n) => n === 'TooManyAttempts')).toHaveLength(150);
      expect((await checks()) - before).toBe(51);
      const limited = results.find((r) => r.data!.login.__typename === 'TooManyAttempts')!.data!.login;
      expect(limited.retryAfterSeconds).toBe(600);
      expect(limited.message).toMatch(/from this address/);
      expect(owner.data!.login.__typename).toBe('AuthPayload');
    });

    it('gives no fresh budget to a client rotating X-Forwarded-For when no proxy is trusted', async () => {
      await start({ IP_MAX_FAILURES: '10' });

      const results = await inBatches(30, 10, (i) =>
        loginFrom(`198.51.100.${i + 1}`, { email: `v${i}@example.com`, password: WRONG }),
      );

      expect(names(results).filter((n) => n === 'InvalidCredentials')).toHaveLength(10);
      expect(names(results).filter((n) => n === 'TooManyAttempts')).toHaveLength(20);
    });

    it('gives distinct clients behind a trusted proxy distinct budgets', async () => {
      await start({ IP_MAX_FAILURES: '3', TRUST_PROXY: '127.0.0.1/32,::1' });

      const first = await inBatches(5, 5, (i) =>
        loginFrom('198.51.100.10', { email: `a${i}@example.com`, password: WRONG }),
      );
      const second = await inBatches(5, 5, (i) =>
        loginFrom('198.51.100.11', { email: `b${i}@example.com`, password: WRONG }),
      );
      const spoofed = await loginFrom('spoof, 198.51.100.10', { email: 'c@example.com', password: WRONG });

      expect(names(first).filter((n) => n === 'InvalidCredentials')).toHaveLength(3);
      expect(names(second).filter((n) => n === 'InvalidCredentials')).toHaveLength(3);
      expect(spoofed.data!.login.__typename).toBe('TooManyAttempts');
    });

    it('gives a success back its own address failure only', async () => {
      await start({ IP_MAX_FAILURES: '3' });
      await server.register('owner@example.com', PASSWORD);

      await server.login('x1@example.com', WRONG);
      await server.login('x2@example.com', WRONG);
      await server.login('owner@example.com', PASSWORD);
      const third = (await server.login('x3@example.com', WRONG)).data!.login;
      const fourth = (await server.login('x4@example.com', WRONG)).data!.login;

      expect(third.__typename).toBe('InvalidCredentials');
      expect(fourth.__typename).toBe('TooManyAttempts');
    });

    it('makes each lock within a day twice as long as the one before', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      const lengths: number[] = [];

      for (let lock = 0; lock < 3; lock++) {
        for (let i = 0; i < 5; i++) await server.login('user@example.com', WRONG);
        const locked = (await server.login('user@example.com', PASSWORD)).data!.login;
        lengths.push(locked.retryAfterSeconds);
        clock.advanceSeconds(locked.retryAfterSeconds + 1);
      }
      const afterwards = (await server.login('user@example.com', PASSWORD)).data!.login;

      expect(lengths).toEqual([900, 1800, 3600]);
      expect(afterwards.__typename).toBe('AuthPayload');
    });

    it('lets the owner in with a device token while others have the email locked', async () => {
      await start({ TRUST_PROXY: '1' });
      await server.register('owner@example.com', PASSWORD);
      const first = await loginFrom('198.51.100.2', { email: 'owner@example.com', password: PASSWORD });
      const deviceToken = first.data!.login.deviceToken as string;
      for (let i = 0; i < 8; i++)
        await loginFrom('203.0.113.66', { email: 'owner@example.com', password: WRONG });

      const withoutDevice = await loginFrom('198.51.100.2', {
        email: 'owner@example.com',
        password: PASSWORD,
      });
      const withDevice = await loginFrom('198.51.100.2', {
        email: 'Owner@Example.com',
        password: PASSWORD,
        deviceToken,
      });

      expect(withoutDevice.data!.login.__typename).toBe('AccountLocked');
      expect(withDevice.data!.login.__typename).toBe('AuthPayload');
      expect(withDevice.data!.login.user.id).toBe(first.data!.login.user.id);
    });

    it('counts a device on its own smaller budget, then locks that device alone', async () => {
      await start();
      await server.register('owner@example.com', PASSWORD);
      const deviceToken = (await server.login('owner@example.com', PASSWORD)).data!.login
        .deviceToken as string;
      const before = await checks();

      const results = [];
      for (let i = 0; i < 5; i++)
        results.push(await loginFrom('x', { email: 'owner@example.com', password: WRONG, deviceToken }));
      const emailStillOpen = await server.login('owner@example.com', WRONG);

      expect(results.map((r) => r.data!.login.attemptsRemaining ?? r.data!.login.__typename)).toEqual([
        2,
        1,
        0,
        'AccountLocked',
        'AccountLocked',
      ]);
      expect((await checks()) - before).toBe(4);
      expect(emailStillOpen.data!.login.attemptsRemaining).toBe(4);
    });

    it('revokes every device token of an account when its password changes', async () => {
      await start();
      await server.register('owner@example.com', PASSWORD);
      const login = (await server.login('owner@example.com', PASSWORD)).data!.login;
      await server.gql(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }',
        { i: { current: PASSWORD, next: 'a brand new password' } },
        login.token,
      );
      for (let i = 0; i < 5; i++) await server.login('owner@example.com', WRONG);

      const oldDevice = await loginFrom('x', {
        email: 'owner@example.com',
        password: 'a brand new password',
        deviceToken: login.deviceToken,
      });

      expect(oldDevice.data!.login.__typename).toBe('AccountLocked');
    });

    it('gives a device token stolen from another account nothing', async () => {
      await start();
      await server.register('victim@example.com', PASSWORD);
      await server.register('attacker@example.com', PASSWORD);
      const stolen = (await server.login('attacker@example.com', PASSWORD)).data!.login.deviceToken as string;
      for (let i = 0; i < 5; i++) await server.login('victim@example.com', WRONG);

      const withStolen = await loginFrom('x', {
        email: 'victim@example.com',
        password: PASSWORD,
        deviceToken: stolen,
      });
      const forged = await loginFrom('x', {
        email: 'victim@example.com',
        password: PASSWORD,
        deviceToken: `${stolen}x`,
      });

      expect(withStolen.data!.login.__typename).toBe('AccountLocked');
      expect(forged.data!.login.__typename).toBe('AccountLocked');
    });

    it('treats NFKC-equivalent spellings of an email as one account and one counter', async () => {
      await start();
      await server.register('ｕｓｅｒ@example.com', 'ｐａｓｓｗｏｒｄ１２');

      const login = await server.login('user@example.com', 'password12');

      expect(login.data!.login.__typename).toBe('AuthPayload');
      expect(login.data!.login.user.email).toBe('user@example.com');
    });

    it('answers unknown emails and wrong passwords with the same shape', async () => {
      await start();
      await server.register('known@example.com', PASSWORD);

      const known = await server.gql(LOGIN, { input: { email: 'known@example.com', password: WRONG } });
      const unknown = await server.gql(LOGIN, {
        input: { email: `${randomUUID()}@example.com`, password: WRONG },
      });

      expect(unknown.status).toBe(known.status);
      expect(Object.keys(unknown.data!.login).sort()).toEqual(Object.keys(known.data!.login).sort());
      expect(unknown.data!.login).toEqual(known.data!.login);
    });

    it.each([
      [
        'deep',
        `{ __type(name: "User") { fields { type { ofType { ofType { ofType { ofType {
           ofType { ofType { ofType { name } } } } } } } } } } }`,
        /depth/i,
      ],
      ['wide', `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: me { id }`).join(' ')} }`, /alias/i],
      ['long', `{ me { ${'id '.repeat(1100)} } }`, /tokens/i],
    ])('refuses a %s query before execution', async (_kind, query, message) => {
      await start({ GRAPHQL_INTROSPECTION: 'false' });

      const res = await server.gql(query);

      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors!.map((e) => e.message).join(' ')).toMatch(message);
    });

    it('refuses an over-limit query in production without telling the limit', async () => {
      await start({ NODE_ENV: 'production' });

      const res = await server.gql(
        `{ ${Array.from({ length: 20 }, (_, i) => `m${i}: me { id }`).join(' ')} }`,
      );

      expect(res.status).toBe(400);
      expect(res.errors).toEqual([
        {
          message: 'Syntax Error: Query validation error.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ]);
    });

    it('still serves a full introspection query where introspection is on', async () => {
      await start();
      const { getIntrospectionQuery } = await import('graphql');

      const res = await server.gql(getIntrospectionQuery({ descriptions: true }));

      expect(res.errors).toBeUndefined();
      expect(res.data!.__schema.types.length).toBeGreaterThan(10);
    });

    it('keeps register and its answers working alongside the limits', async () => {
      await start();

      const res = await gql(server.url, REGISTER, {
        input: { email: 'ok@example.com', username: 'ok', password: PASSWORD },
      });

      expect(res.data!.register.__typename).toBe('AuthPayload');
    });
  });
}
