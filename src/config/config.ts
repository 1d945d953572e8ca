/** Everything the server reads from its environment, parsed once at start. */
export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** A SQLite file path, or a postgres:// URL. */
  databaseUrl: string;
  /** PostgreSQL only: the most connections one instance holds. */
  databasePoolMax: number;
  /** PostgreSQL only: a statement running longer is cancelled. */
  databaseStatementTimeoutMs: number;
  /** Undefined outside production when none is set: one is generated and kept beside the database. */
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  loginMaxFailures: number;
  /** The first lock's length; later locks within `lockoutResetSeconds` grow by `lockoutBackoff`. */
  lockoutSeconds: number;
  lockoutBackoff: number;
  lockoutMaxSeconds: number;
  lockoutResetSeconds: number;
  /** Failures allowed per trusted device before that device alone is locked. */
  deviceMaxFailures: number;
  deviceTokenTtlSeconds: number;
  /** Failures allowed per client address in a window, across all emails. */
  ipMaxFailures: number;
  ipWindowSeconds: number;
  trustProxy: TrustProxySetting;
  argon2: Argon2Costs;
  logLevel: LogLevel;
  /** When set, a new session ends the user's oldest active ones beyond this many. */
  maxSessionsPerUser: number | undefined;
  /** Login events older than this are pruned in the background. */
  auditRetentionDays: number;
  /** Port of the separate Prometheus /metrics listener (on HOST); undefined: no metrics. */
  metricsPort: number | undefined;
  /** Introspection and the Sandbox landing page; off in production unless asked for. */
  graphqlIntrospection: boolean;
}

/** Which X-Forwarded-For hops are believed: none, the nearest N, or those from listed networks. */
export type TrustProxySetting =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: string[] };

export interface Argon2Costs {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** Hashes computed at once; more wait their turn. */
  concurrency: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Thrown at start when a variable is malformed; the message names every bad one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const MIN_JWT_SECRET_BYTES = 32;
