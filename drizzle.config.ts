import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes the SQLite migrations; DRIZZLE_DIALECT=postgresql the PostgreSQL ones.
const postgres = process.env.DRIZZLE_DIALECT === 'postgresql';

export default defineConfig(
  postgres
    ? { dialect: 'postgresql', schema: './src/db/postgres/tables.ts', out: './schema/migrations/postgres' }
    : { dialect: 'sqlite', schema: './src/db/sqlite/tables.ts', out: './schema/migrations/sqlite' },
);
