import { join } from 'node:path';

import { lexicographicSortSchema, printSchema } from 'graphql';

import { SCHEMA_DIR } from '../paths.js';
import { buildGraphQLSchema } from './build-schema.js';

export const SCHEMA_FILE = join(SCHEMA_DIR, 'schema.graphql');

/** The public SDL as committed: sorted, so that moving code around never changes it. */
export function printSchemaFile(): string {
  const header = '# Generated from the resolvers by `npm run schema:emit`. Do not edit by hand.\n\n';
  return header + printSchema(lexicographicSortSchema(buildGraphQLSchema())) + '\n';
}
