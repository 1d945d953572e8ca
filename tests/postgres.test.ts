import { describe } from 'vitest';

import { runBehaviourSuite } from './behaviour/run-all.js';
import { postgresTarget, requirePostgres } from './support/postgres.js';

const available = await requirePostgres();

describe.skipIf(!available)('on PostgreSQL', () => runBehaviourSuite(postgresTarget));
