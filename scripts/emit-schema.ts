// Writes schema/schema.graphql from the resolvers; a test fails when the file drifts.
import { writeFileSync } from 'node:fs';

import { printSchemaFile, SCHEMA_FILE } from '../src/graphql/print-schema.js';

writeFileSync(SCHEMA_FILE, printSchemaFile());
process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
