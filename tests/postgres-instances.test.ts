import { afterEach, describe, expect, it } from 'vitest';

import { gql, LOGIN, REGISTER } from './support/graphql-client.js';
import { postgresTarget, requirePostgres } from './support/postgres.js';
import { spawnServer, type ServerProcess } from './support/spawn-server.js';
import type { TestDatabase } from './support/stores.js';

const available = await requirePostgres();

describe.skipIf(!available)('three server processes on one PostgreSQL database', () => {
  let processes: ServerProcess[] = [];
  let database: TestDatabase;
  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    processes = [];
    await database.dispose();
  });

  const startThree = async () => {
    database = await postgresTarget.createDatabase();
    // Started together on an empty database: they also race to migrate it.
    processes = await Promise.all([1, 2, 3].map(() => spawnServer({ DATABASE_URL: database.url })));
    return processes.map((p) => p.url);
  };
  const input = { email: 'shared@example.com', password: 'the right password', username: 'shared' };
  const login = (url: string, password: string) =>
    gql(url, LOGIN, { input: { email: input.email, password } });

  it('gives 150 parallel wrong logins spread across them exactly N InvalidCredentials', async () => {
    const urls = await startThree();
    await gql(urls[0]!, REGISTER, { input });

    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => login(urls[i % 3]!, 'a wrong password')),
    );
    const right = await login(urls[1]!, input.password);

    const names = results.map((r) => r.data!.login.__typename);
    const invalid = names.filter((n) => n === 'InvalidCredentials').length;
    const locked = names.filter((n) => n === 'AccountLocked').length;
    process.stdout.write(`three-instance burst: ${invalid} InvalidCredentials, ${locked} AccountLocked\n`);
    expect(invalid).toBe(5);
    expect(locked).toBe(145);
    expect(right.data!.login.__typename).toBe('AccountLocked');
  });

  it('ends a burst with one right password mixed in in a consistent state', async () => {
    const urls = await startThree();
    await gql(urls[0]!, REGISTER, { input });

    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        login(urls[i % 3]!, i === 7 ? input.password : 'a wrong password'),
      ),
    );
    const followUp = await login(urls[2]!, input.password);

    const names = results.map((r) => r.data!.login.__typename);
    expect(names.every((n) => ['InvalidCredentials', 'AccountLocked', 'AuthPayload'].includes(n))).toBe(true);
    expect(names.filter((n) => n === 'AuthPayload').length).toBeLessThanOrEqual(1);
    // One success can end one run early: never more than two runs' worth of failures.
    expect(names.filter((n) => n === 'InvalidCredentials').length).toBeLessThanOrEqual(9);
    expect(['AuthPayload', 'AccountLocked']).toContain(followUp.data!.login.__typename);
  });
});
