import { afterEach, describe, expect, it } from 'vitest';

import { gql } from '../support/graphql-client.js';
import type { StoreTarget } from '../support/stores.js';
import { startTestServer, TestClock, type TestServer } from '../support/test-server.js';

const PASSWORD = 'the right password';
const WRONG = 'a wrong password';

export function loginCounterSuite(target: StoreTarget): void {
  describe('login and the login counter', () => {
    let server: TestServer;
    let clock: TestClock;
    const start = async (env: Record<string, string> = {}) => {
      clock = new TestClock();
      server = await startTestServer(target, { clock, env });
      return server;
    };
    afterEach(async () => {
      await server.close();
      await server.database.dispose();
    });

    const typenames = (results: Array<{ data: any }>) => results.map((r) => r.data.login.__typename);
    const checks = () => server.passwordChecks();

    it('logs in with the right password, in any letter case of the email', async () => {
      await start();
      const registered = await server.register('user@example.com', PASSWORD);

      const res = await server.login(' USER@example.com', PASSWORD);

      expect(res.data!.login.__typename).toBe('AuthPayload');
      expect(res.data!.login.user).toEqual({
        id: registered.data!.register.user.id,
        email: 'user@example.com',
      });
    });

    it('counts down attemptsRemaining, then locks on the N-th failure', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);

      const answers = [];
      for (let i = 0; i < 6; i++) answers.push((await server.login('user@example.com', WRONG)).data!.login);

      expect(answers.slice(0, 5).map((a) => a.attemptsRemaining)).toEqual([4, 3, 2, 1, 0]);
      expect(answers.slice(0, 5).every((a) => a.__typename === 'InvalidCredentials')).toBe(true);
      expect(answers[5]).toMatchObject({
        __typename: 'AccountLocked',
        lockedUntil: new Date(clock.now().getTime() + 900_000).toISOString(),
        retryAfterSeconds: 900,
      });
    });

    it('refuses the right password while locked, without checking it', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      for (let i = 0; i < 5; i++) await server.login('user@example.com', WRONG);
      const before = await checks();

      const res = await server.login('user@example.com', PASSWORD);

      expect(res.data!.login.__typename).toBe('AccountLocked');
      expect(await checks()).toBe(before);
    });

    it('does not extend the lock while locked', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      for (let i = 0; i < 5; i++) await server.login('user@example.com', WRONG);
      const first = (await server.login('user@example.com', WRONG)).data!.login;

      clock.advanceSeconds(600);
      const later = (await server.login('user@example.com', WRONG)).data!.login;

      expect(later.lockedUntil).toBe(first.lockedUntil);
      expect(later.retryAfterSeconds).toBe(300);
    });

    it('lets the owner in once the lock has expired, and a new failure starts a new run', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      for (let i = 0; i < 5; i++) await server.login('user@example.com', WRONG);

      clock.advanceSeconds(901);
      const failure = (await server.login('user@example.com', WRONG)).data!.login;
      const success = (await server.login('user@example.com', PASSWORD)).data!.login;

      expect(failure).toMatchObject({ __typename: 'InvalidCredentials', attemptsRemaining: 4 });
      expect(success.__typename).toBe('AuthPayload');
    });

    it('unlocks after a short LOCKOUT_SECONDS in real time', async () => {
      await start();
      await server.close();
      server = await startTestServer(target, { env: { LOCKOUT_SECONDS: '1', LOGIN_MAX_FAILURES: '2' } });
      await server.register('user@example.com', PASSWORD);
      await server.login('user@example.com', WRONG);
      await server.login('user@example.com', WRONG);
      const locked = (await server.login('user@example.com', PASSWORD)).data!.login;

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const after = (await server.login('user@example.com', PASSWORD)).data!.login;

      expect(locked.__typename).toBe('AccountLocked');
      expect(locked.retryAfterSeconds).toBe(1);
      expect(after.__typename).toBe('AuthPayload');
    });

    it('resets the count after a success', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      for (let i = 0; i < 4; i++) await server.login('user@example.com', WRONG);

      await server.login('user@example.com', PASSWORD);
      const next = (await server.login('user@example.com', WRONG)).data!.login;

      expect(next.attemptsRemaining).toBe(4);
    });

    it('treats unknown emails exactly like known ones, password check included', async () => {
      await start();
      await server.register('known@example.com', PASSWORD);
      const known = [];
      const unknown = [];
      const before = await checks();

      for (let i = 0; i < 6; i++) {
        known.push((await server.login('known@example.com', WRONG)).data!.login);
        unknown.push((await server.login('nobody@example.com', WRONG)).data!.login);
      }

      const shape = (a: Record<string, unknown>) => ({ ...a, lockedUntil: typeof a.lockedUntil });
      expect(unknown.map(shape)).toEqual(known.map(shape));
      expect((await checks()) - before).toBe(10);
    });

    it('answers InvalidInput for a bad email or password length without counting or hashing', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      const before = await checks();

      const tooLong = (await server.login('user@example.com', 'x'.repeat(257))).data!.login;
      const tooShort = (await server.login('user@example.com', 'short')).data!.login;
      const badEmail = (await server.login('user-at-example.com', PASSWORD)).data!.login;
      const next = (await server.login('user@example.com', WRONG)).data!.login;

      expect(tooLong).toMatchObject({ __typename: 'InvalidInput', field: 'password' });
      expect(tooShort).toMatchObject({ __typename: 'InvalidInput', field: 'password' });
      expect(badEmail).toMatchObject({ __typename: 'InvalidInput', field: 'email' });
      expect(next.attemptsRemaining).toBe(4);
      expect((await checks()) - before).toBe(1);
    });

    it.each([
      ['email', { email: 'nul\u0000@example.com' }],
      ['email', { email: 'lone\uD800@example.com' }],
      ['email', { email: `${'a'.repeat(600)}@example.com` }],
      ['password', { password: 'nul \u0000 in the password' }],
      ['password', { password: 'lone \uDC00 surrogate' }],
    ])('answers InvalidInput for a %s no database could keep (%#)', async (field, override) => {
      await start();

      const res = await server.gql(
        'mutation($input: LoginInput!) { login(input: $input) { __typename ... on InvalidInput { field } } }',
        { input: { email: 'user@example.com', password: PASSWORD, ...override } },
      );

      expect(res.status).toBe(200);
      expect(res.data!.login).toEqual({ __typename: 'InvalidInput', field });
    });

    it('gives 60 parallel wrong logins exactly N password checks', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      const before = await checks();

      const results = await Promise.all(
        Array.from({ length: 60 }, () => server.login('user@example.com', WRONG)),
      );

      const names = typenames(results);
      expect(names.filter((n) => n === 'InvalidCredentials')).toHaveLength(5);
      expect(names.filter((n) => n === 'AccountLocked')).toHaveLength(55);
      const remaining = results.map((r) => r.data!.login.attemptsRemaining).filter((n) => n !== undefined);
      expect(remaining.sort()).toEqual([0, 1, 2, 3, 4]);
      expect((await checks()) - before).toBe(5);
    });

    it('refuses two aliased login fields in one document before running either', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      const before = await checks();

      const res = await gql(
        server.url,
        `mutation($input: LoginInput!) {
          a: login(input: $input) { __typename } b: login(input: $input) { __typename } }`,
        { input: { email: 'user@example.com', password: WRONG } },
      );
      const next = (await server.login('user@example.com', WRONG)).data!.login;

      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]).toMatchObject({
        message: 'A request may contain at most one login, register or changePassword field.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      expect((await checks()) - before).toBe(1);
      expect(next.attemptsRemaining).toBe(4);
    });

    it('refuses a login and a register together, also through fragments', async () => {
      await start();

      const res = await gql(
        server.url,
        `mutation($l: LoginInput!, $r: RegisterInput!) { ...L register(input: $r) { __typename } }
         fragment L on Mutation { login(input: $l) { __typename } }`,
        {
          l: { email: 'a@example.com', password: WRONG },
          r: { email: 'b@example.com', password: WRONG, username: 'b' },
        },
      );

      expect(res.status).toBe(400);
      expect(res.errors![0]!.message).toMatch(/at most one login, register or changePassword/);
    });

    it('ends a burst with one right password in a consistent state', async () => {
      await start();
      await server.register('user@example.com', PASSWORD);
      const before = await checks();

      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) => server.login('user@example.com', i === 2 ? PASSWORD : WRONG)),
      );
      const followUp = (await server.login('user@example.com', PASSWORD)).data!.login;

      const names = typenames(results);
      // The success can end at most one run early, so at most two runs' worth of checks.
      expect(names.filter((n) => n === 'AuthPayload').length).toBeLessThanOrEqual(1);
      expect(names.filter((n) => n === 'InvalidCredentials').length).toBeLessThanOrEqual(9);
      expect((await checks()) - before).toBeLessThanOrEqual(11);
      expect(['AuthPayload', 'AccountLocked']).toContain(followUp.__typename);
    });
  });
}
