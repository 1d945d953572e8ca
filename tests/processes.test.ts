import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { gql, LOGIN, ME, REGISTER } from './support/graphql-client.js';
import { spawnServer, type ServerProcess } from './support/spawn-server.js';
import { sqliteTarget, type TestDatabase } from './support/stores.js';

describe('server processes on one SQLite file', () => {
  let processes: ServerProcess[] = [];
  let database: TestDatabase;
  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    processes = [];
    await database.dispose();
  });

  it('two processes started together give 80 parallel wrong logins exactly N InvalidCredentials', async () => {
    database = await sqliteTarget.createDatabase();
    processes = await Promise.all([
      spawnServer({ DATABASE_URL: database.url }),
      spawnServer({ DATABASE_URL: database.url }),
    ]);
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const input = { email: 'shared@example.com', password: 'the right password', username: 'shared' };
    await gql(a.url, REGISTER, { input });

    const results = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        gql((i % 2 === 0 ? a : b).url, LOGIN, {
          input: { email: input.email, password: 'a wrong password' },
        }),
      ),
    );

    const names = results.map((r) => r.data!.login.__typename);
    expect(names.filter((n) => n === 'InvalidCredentials')).toHaveLength(5);
    expect(names.filter((n) => n === 'AccountLocked')).toHaveLength(75);
    const right = await gql(b.url, LOGIN, { input: { email: input.email, password: input.password } });
    expect(right.data!.login.__typename).toBe('AccountLocked');
  });

  it('generates a JWT secret once, beside the database, shared by every process and kept across restarts', async () => {
    database = await sqliteTarget.createDatabase();
    const env = { DATABASE_URL: database.url, JWT_SECRET: '' };
    processes = await Promise.all([spawnServer(env), spawnServer(env)]);
    const [a, b] = processes as [ServerProcess, ServerProcess];
    const input = { email: 'token@example.com', password: 'the right password', username: 'token' };
    const token = (await gql(a.url, REGISTER, { input })).data!.register.token;

    const fromOther = await gql(b.url, ME, {}, { token });
    await a.stop();
    const restarted = await spawnServer(env);
    processes.push(restarted);
    const afterRestart = await gql(restarted.url, ME, {}, { token });

    const secretFile = join(database.url, '..', 'jwt-secret');
    expect(existsSync(secretFile)).toBe(true);
    expect(readFileSync(secretFile, 'utf8').length).toBeGreaterThanOrEqual(32);
    expect(fromOther.data!.me.email).toBe(input.email);
    expect(afterRestart.data!.me.email).toBe(input.email);
    expect(a.output.join('\n')).toMatch(/JWT_SECRET is not set/);
  });

  it('exits 0 on SIGTERM after finishing, and logs where it listened', async () => {
    database = await sqliteTarget.createDatabase();
    const server = await spawnServer({ DATABASE_URL: database.url });
    processes = [server];

    const code = await server.stop('SIGTERM');

    expect(code).toBe(0);
    expect(server.output.some((line) => line.includes(`listening on ${server.url}/graphql`))).toBe(true);
  });

  it('refuses to start in production without a strong JWT_SECRET, naming the variable', async () => {
    database = await sqliteTarget.createDatabase();

    const start = spawnServer({ DATABASE_URL: database.url, NODE_ENV: 'production', JWT_SECRET: 'short' });

    await expect(start).rejects.toThrow(/JWT_SECRET must be at least 32 bytes/);
  });
});
