import type { StoreTarget } from '../support/stores.js';
import { abuseSuite } from './abuse.suite.js';
import { operationsSuite } from './operations.suite.js';
import { httpEdgeSuite } from './http-edge.suite.js';
import { loginCounterSuite } from './login-counter.suite.js';
import { meSuite } from './me.suite.js';
import { registerSuite } from './register.suite.js';
import { restartSuite } from './restart.suite.js';

/** The whole behavioural suite; every store runs all of it. */
export function runBehaviourSuite(target: StoreTarget): void {
  registerSuite(target);
  loginCounterSuite(target);
  meSuite(target);
  httpEdgeSuite(target);
  restartSuite(target);
  abuseSuite(target);
  operationsSuite(target);
}
