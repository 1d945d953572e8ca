import { afterEach, describe, expect, it } from 'vitest';

import { gql, LOGIN, REGISTER } from './support/graphql-client.js';
import { spawnServer, type ServerProcess } from './support/spawn-server.js';
import { sqliteTarget, type TestDatabase } from './support/stores.js';

describe('graceful shutdown', () => {
  let processes: ServerProcess[] = [];
  let database: TestDatabase;
  afterEach(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    processes = [];
    await database.dispose();
  });

  it('finishes the logins in flight on SIGTERM, loses no counted attempt and exits 0', async () => {
    database = await sqliteTarget.createDatabase();
    // Real argon2 costs, so that plenty of logins are still hashing when the signal lands.
    const env = {
      DATABASE_URL: database.url,
      LOGIN_MAX_FAILURES: '1000',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_ITERATIONS: '2',
    };
    const server = await spawnServer(env);
    processes.push(server);
    await gql(server.url, REGISTER, {
      input: { email: 'v@example.com', password: 'the right password', username: 'v' },
    });
    const wrong = () =>
      gql(server.url, LOGIN, { input: { email: 'v@example.com', password: 'a wrong password' } });

    const burst = Array.from({ length: 40 }, () =>
      wrong().then(
        (r) => r.data?.login?.__typename ?? `HTTP ${r.status}`,
        () => 'refused',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    server.child.kill('SIGTERM');
    const answers = await Promise.all(burst);
    const code = await server.exited;
    const restarted = await spawnServer(env);
    processes.push(restarted);
    const next = await gql(restarted.url, LOGIN, {
      input: { email: 'v@example.com', password: 'a wrong password' },
    });

    const answered = answers.filter((a) => a === 'InvalidCredentials').length;
    expect(code).toBe(0);
    // In flight: answered. Not yet read by the server when it stopped: refused at the socket or 503.
    expect(answers.filter((a) => !['InvalidCredentials', 'refused', 'HTTP 503'].includes(a))).toEqual([]);
    expect(answered).toBeGreaterThan(0);
    // Every counted attempt was answered, and every answered one was counted.
    expect(next.data!.login.attemptsRemaining).toBe(1000 - answered - 1);
    expect(server.output.join('\n')).toMatch(/"msg":"stopped"/);
  });
});

describe('a second signal', () => {
  let database: TestDatabase;
  afterEach(() => database.dispose());

  it('exits at once, with 1, while the first is still draining', async () => {
    database = await sqliteTarget.createDatabase();
    const server = await spawnServer({ DATABASE_URL: database.url });
    const { request } = await import('node:http');
    const url = new URL(server.url);
    // A request whose body never finishes keeps the drain waiting.
    const slow = request({ host: url.hostname, port: url.port, path: '/graphql', method: 'POST' });
    slow.on('error', () => undefined);
    slow.setHeader('content-type', 'application/json');
    slow.setHeader('content-length', '1000');
    slow.write('{"query":');
    await new Promise((resolve) => setTimeout(resolve, 200));

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stillDraining = server.child.exitCode === null;
    const started = Date.now();
    server.child.kill('SIGTERM');
    const code = await server.exited;

    expect(stillDraining).toBe(true);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(server.output.join('\n')).toMatch(/second signal: exiting now/);
    slow.destroy();
  });
});
