import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';

import { migrationsFolder } from '../../paths.js';

// Any fixed number works; it only has to be the same in every instance of this server.
const MIGRATION_LOCK_KEY = 0x6c6f67696e; // "login"

/**
 * Applies the committed drizzle-kit migrations. Drizzle's migrator reads what was applied
 * before it starts its transaction, so instances starting together could run the same
 * migration twice; a session-level advisory lock lets one migrate while the others wait,
 * after which they find nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // The pool's statement and lock timeouts are for requests: waiting for another instance's
    // migration, or a long migration itself, must not be cancelled by them.
    await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsFolder('postgres') });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    // Destroyed rather than returned, so no request inherits the lifted timeouts.
    client.release(true);
  }
}
