import { randomBytes } from 'node:crypto';

import pg from 'pg';

import type { StoreTarget, TestDatabase } from './stores.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when a PostgreSQL server answers at TEST_DATABASE_URL. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Skips a PostgreSQL suite loudly when no server answers, and fails it when
 * REQUIRE_POSTGRES=1 (as in CI), so it can never pass by being skipped.
 */
export async function requirePostgres(): Promise<boolean> {
  if (await postgresAvailable()) return true;
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but no PostgreSQL answers at ${TEST_DATABASE_URL}`);
  }
  process.stderr.write(
    `\n*** SKIPPING PostgreSQL tests: no server at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL) ***\n\n`,
  );
  return false;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL on a test database as the admin connection (for tests that inspect or sabotage it). */
export async function adminQuery(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  return admin((client) => client.query(sql, params));
}

/** Each test server gets a database of its own, so runs and tests never see each other's rows. */
export const postgresTarget: StoreTarget = {
  name: 'postgres',
  async createDatabase(): Promise<TestDatabase> {
    const name = `login_counter_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    return {
      url: withDatabase(TEST_DATABASE_URL, name),
      async dispose() {
        await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
  },
};
