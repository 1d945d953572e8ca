import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { isPostgresUrl, openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import { guardStore } from './store-errors.js';
import type { Store } from './store.js';

/** Opens the store named by DATABASE_URL (postgres:// or a SQLite path) and migrates it. */
export async function openStore(config: Config, log: Logger): Promise<Store> {
  const store = isPostgresUrl(config.databaseUrl)
    ? await openPostgresStore(
        config.databaseUrl,
        { poolMax: config.databasePoolMax, statementTimeoutMs: config.databaseStatementTimeoutMs },
        log,
      )
    : openSqliteStore(config.databaseUrl);
  return guardStore(store, log);
}
