import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

import { migrationsFolder } from '../../paths.js';

/**
 * Applies the committed drizzle-kit migrations, keeping drizzle's own bookkeeping table.
 *
 * Drizzle's SQLite migrator reads the last applied migration before it opens its (deferred)
 * transaction, so two processes starting on one file can both decide to run the same
 * migration and the second fails. Here the read and the writes share one BEGIN IMMEDIATE
 * transaction: the second process waits for the first, then finds nothing left to do.
 */
export function migrateSqlite(sqlite: Database.Database): number {
  const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder('sqlite') });
  const apply = sqlite.transaction((): number => {
    sqlite.exec(`CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
      id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const last = sqlite
      .prepare('SELECT created_at FROM "__drizzle_migrations" ORDER BY created_at DESC LIMIT 1')
      .get() as { created_at: number | string } | undefined;
    const pending = migrations.filter((m) => !last || Number(last.created_at) < m.folderMillis);
    const record = sqlite.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)');
    for (const migration of pending) {
      for (const statement of migration.sql) sqlite.exec(statement);
      record.run(migration.hash, migration.folderMillis);
    }
    return pending.length;
  });
  return apply.immediate();
}
