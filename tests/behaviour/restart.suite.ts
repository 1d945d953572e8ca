import { describe, expect, it } from 'vitest';

import { ME } from '../support/graphql-client.js';
import type { StoreTarget } from '../support/stores.js';
import { startTestServer } from '../support/test-server.js';

export function restartSuite(target: StoreTarget): void {
  describe('a restart', () => {
    it('keeps users, tokens and locks', async () => {
      const first = await startTestServer(target);
      const token = (await first.register('stays@example.com', 'my password')).data!.register.token;
      await first.register('locked@example.com', 'my password');
      for (let i = 0; i < 5; i++) await first.login('locked@example.com', 'wrong password');
      await first.close();

      const second = await startTestServer(target, { database: first.database });
      const me = await second.gql(ME, {}, token);
      const locked = await second.login('locked@example.com', 'my password');
      const login = await second.login('stays@example.com', 'my password');
      await second.close();
      await first.database.dispose();

      expect(me.data!.me.email).toBe('stays@example.com');
      expect(locked.data!.login.__typename).toBe('AccountLocked');
      expect(login.data!.login.__typename).toBe('AuthPayload');
    });

    it('re-hashes a password stored with other argon2 costs on the next login', async () => {
      const first = await startTestServer(target);
      await first.register('rehash@example.com', 'my password');
      const oldHash = (await first.app.deps.store.users.findByEmail('rehash@example.com'))!.passwordHash;
      await first.close();

      const second = await startTestServer(target, {
        database: first.database,
        env: { ARGON2_MEMORY_KIB: '8192' },
      });
      const login = await second.login('rehash@example.com', 'my password');
      const newHash = (await second.app.deps.store.users.findByEmail('rehash@example.com'))!.passwordHash;
      const again = await second.login('rehash@example.com', 'my password');
      await second.close();
      await first.database.dispose();

      expect(login.data!.login.__typename).toBe('AuthPayload');
      expect(oldHash).toContain('m=4096');
      expect(newHash).toContain('m=8192');
      expect(again.data!.login.__typename).toBe('AuthPayload');
    });
  });
}
