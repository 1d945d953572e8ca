import type { DeviceTokens } from '../auth/device-tokens.js';
import type { Passwords } from '../auth/passwords.js';
import type { Tokens } from '../auth/tokens.js';
import type { CounterPolicy } from '../counter/gate.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';

/** What the account operations need; built once at start and shared by every request. */
export interface AccountDeps {
  store: Store;
  passwords: Passwords;
  tokens: Tokens;
  deviceTokens: DeviceTokens;
  /** Counting for logins on an email's own counter. */
  policy: CounterPolicy;
  /** Counting for logins from a trusted device: the device's own, smaller budget. */
  devicePolicy: CounterPolicy;
  /** When set, a new session ends the user's oldest ones beyond this many. */
  maxSessionsPerUser: number | undefined;
  clock: () => Date;
  log: Logger;
  metrics: Metrics;
}

/** Who is asking, as far as the HTTP layer can tell; recorded in the audit trail. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}
