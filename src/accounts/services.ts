import type { Passwords } from '../auth/passwords.js';
import type { Tokens } from '../auth/tokens.js';
import type { LockPolicy } from '../counter/lock-policy.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/** What the account operations need; built once at start and shared by every request. */
export interface AccountDeps {
  store: Store;
  passwords: Passwords;
  tokens: Tokens;
  policy: LockPolicy;
  clock: () => Date;
  log: Logger;
  metrics: Metrics;
}
