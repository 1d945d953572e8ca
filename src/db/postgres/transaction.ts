import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

/**
 * Runs `work` in a transaction on one pooled connection. Drizzle's own transaction() checks
 * a client out and sends BEGIN outside its try block, so a connection killed at that moment
 * is never released and the pool slowly runs dry; it also returns broken clients to the
 * pool. Here every path releases, and a failed client is destroyed instead of reused.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (tx: NodePgDatabase) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(drizzle({ client }));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failure = error instanceof Error ? error : new Error('transaction failed');
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(failure);
  }
}
