import { describe } from 'vitest';

import { runBehaviourSuite } from './behaviour/run-all.js';
import { sqliteTarget } from './support/stores.js';

describe('on SQLite', () => runBehaviourSuite(sqliteTarget));
