import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh, empty database for one test server, and how to throw it away. */
export interface TestDatabase {
  url: string;
  dispose(): Promise<void>;
}

/** One kind of store the shared behavioural suite runs against. */
export interface StoreTarget {
  name: 'sqlite' | 'postgres';
  createDatabase(): Promise<TestDatabase>;
}

export const sqliteTarget: StoreTarget = {
  name: 'sqlite',
  async createDatabase() {
    const dir = mkdtempSync(join(tmpdir(), 'login-counter-'));
    return {
      url: join(dir, 'test.db'),
      async dispose() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
