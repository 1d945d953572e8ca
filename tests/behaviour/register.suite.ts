import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoreTarget } from '../support/stores.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

export function registerSuite(target: StoreTarget): void {
  describe('register', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(target);
    });
    afterAll(() => server.close());

    it('creates the user with a profile and returns a token for it', async () => {
      const res = await server.register('  New.User@Example.com ', 'correct horse', {
        username: 'newbie',
        firstName: 'Ada',
        lastName: 'Lovelace',
      });

      const payload = res.data!.register;
      expect(res.status).toBe(200);
      expect(payload.__typename).toBe('AuthPayload');
      expect(payload.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(Date.parse(payload.expiresAt)).toBeGreaterThan(Date.now());
      expect(payload.user).toMatchObject({
        email: 'new.user@example.com',
        username: 'newbie',
        firstName: 'Ada',
        lastName: 'Lovelace',
        profile: { aboutMe: '', gender: null, country: null, city: null },
      });
      expect(payload.user.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });

    it('defaults missing names to empty strings', async () => {
      const res = await server.register('nonames@example.com', 'correct horse');

      expect(res.data!.register.user).toMatchObject({ firstName: '', lastName: '' });
    });

    it('answers EmailTaken for an email registered in any case', async () => {
      await server.register('taken@example.com', 'correct horse');

      const res = await server.register('TAKEN@Example.COM', 'another password');

      expect(res.data!.register).toEqual({
        __typename: 'EmailTaken',
        message: 'An account with this email already exists.',
      });
    });

    it.each([
      ['email', { email: 'not-an-email' }],
      ['email', { email: `${'a'.repeat(250)}@example.com` }],
      ['email', { email: 'nul\u0000@example.com' }],
      ['email', { email: 'lone\uD800@example.com' }],
      ['username', { username: '' }],
      ['username', { username: 'u'.repeat(151) }],
      ['password', { password: 'short' }],
      ['password', { password: 'p'.repeat(257) }],
      ['password', { password: 'has a nul \u0000 inside' }],
      ['firstName', { firstName: 'f'.repeat(151) }],
      ['lastName', { lastName: 'null\u0000byte' }],
    ])('refuses a bad %s with InvalidInput (%#)', async (field, override) => {
      const input = { email: 'valid@example.com', username: 'valid', password: 'long enough', ...override };

      const res = await server.gql(
        `mutation($input: RegisterInput!) {
          register(input: $input) { __typename ... on InvalidInput { field message } } }`,
        { input },
      );

      expect(res.status).toBe(200);
      expect(res.data!.register).toMatchObject({ __typename: 'InvalidInput', field });
      expect(res.data!.register.message).toContain(field);
    });

    it('counts password length in characters, not bytes', async () => {
      const res = await server.register('emoji@example.com', '🔑🔑🔑🔑🔑🔑🔑🔑');

      expect(res.data!.register.__typename).toBe('AuthPayload');
    });
  });
}
