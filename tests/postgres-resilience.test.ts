import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';

import { migrationsFolder } from '../src/paths.js';
import { adminQuery, postgresTarget, requirePostgres } from './support/postgres.js';
import type { TestDatabase } from './support/stores.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const available = await requirePostgres();

describe.skipIf(!available)('PostgreSQL going away', () => {
  let server: TestServer | undefined;
  let database: TestDatabase;
  let proxy: TcpProxy | undefined;
  afterEach(async () => {
    await server?.close();
    await proxy?.cut();
    await database.dispose();
    server = proxy = undefined;
  });

  const wrongLogin = (s: TestServer) => s.login('victim@example.com', 'a wrong password');
  const health = async (s: TestServer) => (await fetch(`${s.url}/healthz`)).status;
  const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('answers 503 with a generic error while the database is unreachable, and recovers by itself', async () => {
    database = await postgresTarget.createDatabase();
    const real = new URL(database.url);
    proxy = new TcpProxy(real.hostname, Number(real.port || 5432));
    await proxy.open();
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const logLines: string[] = [];
    server = await startTestServer(postgresTarget, {
      database: { url: viaProxy.toString(), dispose: async () => undefined },
      env: { DATABASE_STATEMENT_TIMEOUT_MS: '1000' },
      logLines,
    });
    await server.register('victim@example.com', 'the right password');

    await proxy.cut();
    const during = await wrongLogin(server);
    const healthDuring = await health(server);
    await proxy.open();
    await waitFor(async () => (await health(server!)) === 200);
    const after = await wrongLogin(server);

    expect(during.status).toBe(503);
    expect(during.errors![0]).toMatchObject({
      message: 'The service is temporarily unavailable. Try again shortly.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(during.text).not.toMatch(/select|insert|login_attempts|postgres:|127\.0\.0\.1|stacktrace/i);
    expect(healthDuring).toBe(503);
    expect(after.data!.login).toMatchObject({ __typename: 'InvalidCredentials' });
    const log = logLines.join('\n');
    expect(log).toMatch(/database operation failed/);
    expect(log).not.toMatch(/insert into|select "|victim@example\.com|postgres:\/\/|a wrong password/i);
  });

  it('survives its connections being killed in the middle of traffic', async () => {
    database = await postgresTarget.createDatabase();
    server = await startTestServer(postgresTarget, { database });
    await server.register('victim@example.com', 'the right password');
    const name = new URL(database.url).pathname.slice(1);

    const traffic = Array.from({ length: 40 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 5)).then(() => wrongLogin(server!)),
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    await adminQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = $1 AND application_name = 'login-counter'`,
      [name],
    );
    const results = await Promise.all(traffic);
    await waitFor(async () => (await health(server!)) === 200);
    const after = await server.login('victim@example.com', 'the right password');

    for (const result of results as Array<Awaited<ReturnType<typeof wrongLogin>>>) {
      expect([200, 503]).toContain(result.status);
      if (result.status === 503) expect(result.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    }
    expect(['AuthPayload', 'AccountLocked']).toContain(after.data!.login.__typename);
  });

  it('lets several instances start on an empty database at once: one migrates, none fails', async () => {
    database = await postgresTarget.createDatabase();

    const servers = await Promise.all(
      Array.from({ length: 4 }, () => startTestServer(postgresTarget, { database })),
    );
    const applied = await countMigrations(database.url);
    await Promise.all(servers.map((s) => s.close()));

    expect(applied).toBe(readMigrationFiles({ migrationsFolder: migrationsFolder('postgres') }).length);
  });
});

async function countMigrations(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations');
    return result.rows[0].n as number;
  } finally {
    await client.end();
  }
}
