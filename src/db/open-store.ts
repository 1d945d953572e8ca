import type { Store } from './store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/** Opens the store named by DATABASE_URL and brings its schema up to date. */
export async function openStore(databaseUrl: string): Promise<Store> {
  return openSqliteStore(databaseUrl);
}
