import { afterEach, describe, expect, it } from 'vitest';

import { createAccount } from '../../src/accounts/register.js';
import { pruneOnce } from '../../src/maintenance/retention.js';
import { gql, ME } from '../support/graphql-client.js';
import type { StoreTarget } from '../support/stores.js';
import { startTestServer, TestClock, type TestServer } from '../support/test-server.js';

const PASSWORD = 'the right password';
const WRONG = 'a wrong password';
const LOCKED_ACCOUNTS = `query($first: Int!, $after: String) { lockedAccounts(first: $first, after: $after) {
  edges { cursor node { email failures lockedUntil } } pageInfo { hasNextPage endCursor } } }`;
const EVENTS = `query($email: String!, $first: Int!, $after: String) {
  loginEvents(email: $email, first: $first, after: $after) {
    edges { node { id at email outcome clientAddress userAgent attempts lastAt } }
    pageInfo { hasNextPage endCursor } } }`;
const UNLOCK = 'mutation($email: String!) { unlockAccount(email: $email) }';
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) {
  __typename ... on PasswordChanged { sessionsEnded } ... on InvalidCredentials { attemptsRemaining }
  ... on Problem { message } } }`;

export function operationsSuite(target: StoreTarget): void {
  describe('operations: admins, audit trail, sessions', () => {
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
    const adminToken = async () => {
      const deps = server.app.deps;
      await createAccount(
        deps,
        { email: 'admin@example.com', username: 'admin', password: PASSWORD },
        'ADMIN',
      );
      return (await server.login('admin@example.com', PASSWORD)).data!.login.token as string;
    };
    const userToken = async (email = 'user@example.com') =>
      (await server.register(email, PASSWORD)).data!.register.token as string;
    const code = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
      res.errors?.[0]?.extensions?.code;

    it('refuses admin fields to users and anonymous callers (FORBIDDEN), bad tokens (UNAUTHENTICATED)', async () => {
      await start();
      const user = await userToken();

      const asUser = await Promise.all([
        server.gql(UNLOCK, { email: 'x@example.com' }, user),
        server.gql(LOCKED_ACCOUNTS, { first: 5 }, user),
        server.gql(EVENTS, { email: 'x@example.com', first: 5 }, user),
      ]);
      const anonymous = await server.gql(LOCKED_ACCOUNTS, { first: 5 });
      const badToken = await server.gql(LOCKED_ACCOUNTS, { first: 5 }, 'not.a.token');

      expect(asUser.map(code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(asUser.map((r) => r.status)).toEqual([403, 403, 403]);
      expect(code(anonymous)).toBe('FORBIDDEN');
      expect(code(badToken)).toBe('UNAUTHENTICATED');
    });

    it('lets an admin unlock an email, after which its owner logs in', async () => {
      await start();
      const admin = await adminToken();
      await userToken();
      for (let i = 0; i < 5; i++) await server.login('user@example.com', WRONG);
      const locked = await server.login('user@example.com', PASSWORD);

      const unlock = await server.gql(UNLOCK, { email: 'USER@example.com' }, admin);
      const again = await server.gql(UNLOCK, { email: 'user@example.com' }, admin);
      const login = await server.login('user@example.com', PASSWORD);

      expect(locked.data!.login.__typename).toBe('AccountLocked');
      expect(unlock.data).toEqual({ unlockAccount: true });
      expect(again.data).toEqual({ unlockAccount: false });
      expect(login.data!.login.__typename).toBe('AuthPayload');
    });

    it('lists locked emails in pages', async () => {
      await start();
      const admin = await adminToken();
      for (const name of ['c', 'a', 'd', 'b'])
        for (let i = 0; i < 5; i++) await server.login(`${name}@example.com`, WRONG);
      await server.login('open@example.com', WRONG);

      const first = (await server.gql(LOCKED_ACCOUNTS, { first: 3 }, admin)).data!.lockedAccounts;
      const second = (await server.gql(LOCKED_ACCOUNTS, { first: 3, after: first.pageInfo.endCursor }, admin))
        .data!.lockedAccounts;
      const bad = await server.gql(LOCKED_ACCOUNTS, { first: 500 }, admin);

      expect(first.edges.map((e: any) => e.node.email)).toEqual([
        'a@example.com',
        'b@example.com',
        'c@example.com',
      ]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.edges.map((e: any) => e.node)).toEqual([
        {
          email: 'd@example.com',
          failures: 5,
          lockedUntil: new Date(clock.now().getTime() + 900_000).toISOString(),
        },
      ]);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
      expect(code(bad)).toBe('BAD_USER_INPUT');
    });

    it('records an audit trail that matches the answers given, event by event', async () => {
      await start({ TRUST_PROXY: '1' });
      const admin = await adminToken();
      await userToken();
      const headers = { 'x-forwarded-for': '198.51.100.7', 'user-agent': 'audit-test/1.0' };
      const attempt = (password: string) =>
        gql(
          server.url,
          'mutation($i: LoginInput!) { login(input: $i) { __typename } }',
          { i: { email: 'user@example.com', password } },
          { headers },
        );
      const answers: string[] = [];

      for (const password of [PASSWORD, WRONG, WRONG, WRONG, WRONG, WRONG, PASSWORD, 'short']) {
        answers.push((await attempt(password)).data!.login.__typename);
      }
      const page = (await server.gql(EVENTS, { email: 'User@Example.com', first: 20 }, admin)).data!
        .loginEvents;

      const trail = page.edges.map((e: any) => e.node).reverse();
      const expected: Record<string, string> = {
        AuthPayload: 'SUCCESS',
        InvalidCredentials: 'WRONG_PASSWORD',
        AccountLocked: 'LOCKED',
        InvalidInput: 'INVALID_INPUT',
      };
      expect(trail.map((e: any) => e.outcome)).toEqual(answers.map((a) => expected[a]));
      expect(trail.every((e: any) => e.email === 'user@example.com')).toBe(true);
      expect(
        trail.every((e: any) => e.clientAddress === '198.51.100.7' && e.userAgent === 'audit-test/1.0'),
      ).toBe(true);
      expect(JSON.stringify(page)).not.toContain(WRONG);
    });

    it('counts repeated refusals on one event per minute, address and agent, keeping the order', async () => {
      await start({ TRUST_PROXY: '1' });
      const admin = await adminToken();
      const from = (address: string) =>
        gql(
          server.url,
          'mutation($i: LoginInput!) { login(input: $i) { __typename } }',
          { i: { email: 'v@example.com', password: WRONG } },
          {
            headers: { 'x-forwarded-for': address },
          },
        );
      for (let i = 0; i < 5; i++) await from('198.51.100.1');

      for (let i = 0; i < 10; i++) await from('198.51.100.1');
      await from('198.51.100.2');
      clock.advanceSeconds(30);
      await from('198.51.100.2');
      clock.advanceSeconds(61);
      await from('198.51.100.2');
      const trail = (await server.gql(EVENTS, { email: 'v@example.com', first: 20 }, admin))
        .data!.loginEvents.edges.map((e: any) => e.node)
        .reverse();

      expect(trail.map((e: any) => [e.outcome, e.clientAddress, e.attempts])).toEqual([
        ...Array(5).fill(['UNKNOWN_EMAIL', '198.51.100.1', 1]),
        ['LOCKED', '198.51.100.1', 10],
        ['LOCKED', '198.51.100.2', 2],
        ['LOCKED', '198.51.100.2', 1],
      ]);
      expect(Date.parse(trail[6].lastAt) - Date.parse(trail[6].at)).toBe(30_000);
      expect(trail[7].lastAt).toBeNull();
    });

    it('records malformed logins without their text, merged like other refusals', async () => {
      await start();
      const admin = await adminToken();
      for (let i = 0; i < 3; i++) await server.login('my secret password', PASSWORD);
      await server.login('user@example.com', 'short');

      const malformed = (await server.gql(EVENTS, { email: '(malformed email)', first: 5 }, admin)).data!
        .loginEvents.edges;
      const tooShort = (await server.gql(EVENTS, { email: 'user@example.com', first: 5 }, admin)).data!
        .loginEvents.edges;

      expect(malformed.map((e: any) => [e.node.outcome, e.node.attempts])).toEqual([['INVALID_INPUT', 3]]);
      expect(tooShort.map((e: any) => e.node.outcome)).toEqual(['INVALID_INPUT']);
      expect(JSON.stringify(malformed)).not.toContain('secret');
    });

    it('marks unknown emails as such in the trail, and pages it newest first', async () => {
      await start();
      const admin = await adminToken();
      for (let i = 0; i < 3; i++) await server.login('ghost@example.com', WRONG);

      const first = (await server.gql(EVENTS, { email: 'ghost@example.com', first: 2 }, admin)).data!
        .loginEvents;
      const rest = (
        await server.gql(
          EVENTS,
          { email: 'ghost@example.com', first: 2, after: first.pageInfo.endCursor },
          admin,
        )
      ).data!.loginEvents;

      const ids = [...first.edges, ...rest.edges].map((e: any) => Number(e.node.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(ids).toHaveLength(3);
      expect(first.edges.map((e: any) => e.node.outcome)).toEqual(['UNKNOWN_EMAIL', 'UNKNOWN_EMAIL']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });

    it('ends the current token with logout, and every token with logoutAll', async () => {
      await start();
      const first = await userToken();
      const second = (await server.login('user@example.com', PASSWORD)).data!.login.token as string;
      const third = (await server.login('user@example.com', PASSWORD)).data!.login.token as string;

      const logout = await server.gql('mutation { logout }', {}, first);
      const afterLogout = await Promise.all([first, second].map((t) => server.gql(ME, {}, t)));
      const logoutAll = await server.gql('mutation { logoutAll }', {}, second);
      const afterAll = await Promise.all([second, third].map((t) => server.gql(ME, {}, t)));

      expect(logout.data).toEqual({ logout: true });
      expect(code(afterLogout[0]!)).toBe('UNAUTHENTICATED');
      expect(afterLogout[1]!.data!.me.email).toBe('user@example.com');
      expect(logoutAll.data).toEqual({ logoutAll: 2 });
      expect(afterAll.map(code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    });

    it('changes the password and ends every other session', async () => {
      await start();
      const current = await userToken();
      const other = (await server.login('user@example.com', PASSWORD)).data!.login.token as string;

      const change = await server.gql(
        CHANGE_PASSWORD,
        { input: { current: PASSWORD, next: 'a brand new password' } },
        current,
      );
      const [me, otherMe] = await Promise.all([server.gql(ME, {}, current), server.gql(ME, {}, other)]);
      const oldLogin = await server.login('user@example.com', PASSWORD);
      const newLogin = await server.login('user@example.com', 'a brand new password');

      expect(change.data!.changePassword).toMatchObject({ __typename: 'PasswordChanged', sessionsEnded: 1 });
      expect(me.data!.me.email).toBe('user@example.com');
      expect(code(otherMe)).toBe('UNAUTHENTICATED');
      expect(oldLogin.data!.login.__typename).toBe('InvalidCredentials');
      expect(newLogin.data!.login.__typename).toBe('AuthPayload');
    });

    it('starts no session for a login whose password changed while it was being checked', async () => {
      await start();
      await userToken();
      const { store } = server.app.deps;
      const user = (await store.users.findByEmail('user@example.com'))!;
      const session = (id: string) => ({
        id,
        userId: user.id,
        createdAt: clock.now(),
        expiresAt: new Date(9e12),
      });

      const stale = await store.sessions.create(
        session('stale-session'),
        'a hash that was replaced',
        undefined,
      );
      const current = await store.sessions.create(session('current-session'), user.passwordHash, undefined);

      expect(stale).toBe(false);
      expect(await store.sessions.findUser('stale-session', user.publicId, clock.now())).toBeUndefined();
      expect(current).toBe(true);
      expect((await store.sessions.findUser('current-session', user.publicId, clock.now()))?.email).toBe(
        'user@example.com',
      );
    });

    it('counts wrong current passwords on the login counter', async () => {
      await start();
      const token = await userToken();

      const answers = [];
      for (let i = 0; i < 6; i++) {
        answers.push(
          (
            await server.gql(
              CHANGE_PASSWORD,
              { input: { current: WRONG, next: 'a brand new password' } },
              token,
            )
          ).data!.changePassword,
        );
      }
      const login = await server.login('user@example.com', PASSWORD);

      expect(answers.slice(0, 5).map((a) => a.attemptsRemaining)).toEqual([4, 3, 2, 1, 0]);
      expect(answers[5].__typename).toBe('AccountLocked');
      expect(login.data!.login.__typename).toBe('AccountLocked');
    });

    it('requires a token for session mutations', async () => {
      await start();

      const res = await server.gql('mutation { logout }');

      expect(code(res)).toBe('UNAUTHENTICATED');
    });

    it('ends the oldest sessions beyond MAX_SESSIONS_PER_USER', async () => {
      await start({ MAX_SESSIONS_PER_USER: '2' });
      const tokens = [await userToken()];
      for (let i = 0; i < 2; i++) {
        clock.advanceSeconds(1);
        tokens.push((await server.login('user@example.com', PASSWORD)).data!.login.token);
      }

      const results = await Promise.all(tokens.map((t) => server.gql(ME, {}, t)));

      expect(results.map((r) => code(r) ?? 'ok')).toEqual(['UNAUTHENTICATED', 'ok', 'ok']);
    });

    it('prunes events past AUDIT_RETENTION_DAYS and idle counters, keeping live locks', async () => {
      await start({ AUDIT_RETENTION_DAYS: '30' });
      await server.login('old@example.com', WRONG);
      for (let i = 0; i < 5; i++) await server.login('stale@example.com', WRONG);
      clock.advanceSeconds(31 * 86_400);
      for (let i = 0; i < 5; i++) await server.login('fresh@example.com', WRONG);
      const policy = { auditRetentionDays: 30, counterIdleSeconds: 86_400 };

      const removed = await pruneOnce(server.app.deps.store, policy, clock.now());
      const admin = await adminToken();
      const events = async (email: string) =>
        (await server.gql(EVENTS, { email, first: 10 }, admin)).data!.loginEvents.edges.length;

      expect(removed).toMatchObject({ events: 6, counters: 2 });
      expect(await events('old@example.com')).toBe(0);
      expect(await events('fresh@example.com')).toBe(5);
      expect((await server.login('old@example.com', WRONG)).data!.login.attemptsRemaining).toBe(4);
      expect((await server.login('fresh@example.com', PASSWORD)).data!.login.__typename).toBe(
        'AccountLocked',
      );
    });
  });
}
