import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAccount } from '../src/accounts/register.js';
import { gql, LOGIN, ME } from './support/graphql-client.js';
import { leakingLines } from './support/log-capture.js';
import { sqliteTarget } from './support/stores.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('the log of a full session', () => {
  const lines: string[] = [];
  const secrets: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteTarget, { logLines: lines, env: { LOGIN_MAX_FAILURES: '3' } });
    const deps = server.app.deps;
    const passwords = [
      'first secret pass 1',
      'wrong secret pass 2',
      'next secret pass 3',
      'admin secret pass 4',
    ];
    secrets.push(...passwords);
    await createAccount(
      deps,
      { email: 'admin@example.com', username: 'admin', password: passwords[3]! },
      'ADMIN',
    );
    const registered = await server.register('user@example.com', passwords[0]!);
    const login = await server.login('user@example.com', passwords[0]!);
    const admin = await server.login('admin@example.com', passwords[3]!);
    const token = login.data!.login.token as string;
    secrets.push(
      registered.data!.register.token,
      token,
      login.data!.login.deviceToken,
      admin.data!.login.token,
    );
    secrets.push((await deps.store.users.findByEmail('user@example.com'))!.passwordHash);

    await server.gql(ME, {}, token);
    await server.gql(ME, {}, `${token}tampered`);
    await gql(server.url, LOGIN, {
      input: { email: 'user@example.com', password: passwords[1]!, deviceToken: 'junk' },
    });
    await server.gql(
      'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { __typename } }',
      { i: { current: passwords[0], next: passwords[2] } },
      token,
    );
    for (let i = 0; i < 4; i++) await server.login('user@example.com', passwords[1]!);
    await server.login('user@example.com', 'x');
    await server.gql(
      'mutation($e: String!) { unlockAccount(email: $e) }',
      { e: 'user@example.com' },
      admin.data!.login.token,
    );
    await server.gql('mutation { logout }', {}, token);
  });
  afterAll(async () => {
    await server.close();
    await server.database.dispose();
  });

  it('holds no password, token, device token or hash', () => {
    expect(lines.length).toBeGreaterThan(15);
    expect(leakingLines(lines.join(''), secrets)).toEqual([]);
  });

  it('has one line per request, with the login outcome and duration', () => {
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    const logins = requests.filter((l) => l.login !== undefined);

    expect(logins.map((l) => l.login)).toEqual(
      expect.arrayContaining(['authenticated', 'invalid_credentials', 'locked', 'invalid_input']),
    );
    expect(requests.every((l) => typeof l.durationMs === 'number' && typeof l.status === 'number')).toBe(
      true,
    );
  });

  it('logs a lockout at warn, without the email', () => {
    const lockouts = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'login_locked');

    expect(lockouts).toHaveLength(1);
    expect(lockouts[0].level).toBe(40);
    expect(JSON.stringify(lockouts[0])).not.toContain('user@example.com');
  });
});
