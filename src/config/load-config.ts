import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';

import {
  ConfigError,
  LOG_LEVELS,
  MIN_JWT_SECRET_BYTES,
  type Config,
  type LogLevel,
  type TrustProxySetting,
} from './config.js';

const DAY = 86_400;

type Env = Record<string, string | undefined>;

/**
 * Reads `.env` (when present) under the process environment: a variable already set wins,
 * so a deployment can always override the file.
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function loadConfig(env: Env = process.env): Config {
  const reader = new EnvReader(env);
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    production,
    port: reader.integer('PORT', 4000, 0, 65_535),
    host: reader.text('HOST', '127.0.0.1'),
    databaseUrl: reader.text('DATABASE_URL', './data/login-counter.db'),
    databasePoolMax: reader.integer('DATABASE_POOL_MAX', 10, 1, 1000),
    databaseStatementTimeoutMs: reader.integer('DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000),
    jwtSecret: reader.optionalText('JWT_SECRET'),
    jwtTtlSeconds: reader.integer('JWT_TTL_SECONDS', 3600, 1, 366 * 86_400),
    loginMaxFailures: reader.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
    lockoutSeconds: reader.integer('LOCKOUT_SECONDS', 900, 1, 366 * DAY),
    lockoutBackoff: reader.decimal('LOCKOUT_BACKOFF', 2, 1, 10),
    lockoutMaxSeconds: reader.integer('LOCKOUT_MAX_SECONDS', DAY, 1, 366 * DAY),
    lockoutResetSeconds: reader.integer('LOCKOUT_RESET_SECONDS', DAY, 1, 366 * DAY),
    deviceMaxFailures: reader.integer('DEVICE_MAX_FAILURES', 3, 1, 1000),
    deviceTokenTtlSeconds: reader.integer('DEVICE_TOKEN_TTL_SECONDS', 90 * DAY, 60, 3 * 366 * DAY),
    ipMaxFailures: reader.integer('IP_MAX_FAILURES', 100, 1, 1_000_000),
    ipWindowSeconds: reader.integer('IP_WINDOW_SECONDS', 3600, 1, 366 * DAY),
    trustProxy: reader.trustProxy('TRUST_PROXY'),
    argon2: {
      // 19 MiB, 2 passes, 1 lane: the OWASP Password Storage Cheat Sheet's argon2id baseline.
      memoryKiB: reader.integer('ARGON2_MEMORY_KIB', 19_456, 1024, 4 * 1024 * 1024),
      iterations: reader.integer('ARGON2_ITERATIONS', 2, 1, 100),
      parallelism: reader.integer('ARGON2_PARALLELISM', 1, 1, 16),
      concurrency: reader.integer('ARGON2_CONCURRENCY', availableParallelism(), 1, 256),
    },
    logLevel: reader.oneOf('LOG_LEVEL', 'info', LOG_LEVELS) as LogLevel,
    maxSessionsPerUser: reader.optionalInteger('MAX_SESSIONS_PER_USER', 1, 10_000),
    auditRetentionDays: reader.integer('AUDIT_RETENTION_DAYS', 90, 1, 3660),
    metricsPort: reader.optionalInteger('METRICS_PORT', 0, 65_535),
    graphqlIntrospection: reader.boolean('GRAPHQL_INTROSPECTION', !production),
  };
  if (production) requireStrongSecret(reader, config.jwtSecret);
  if (config.lockoutMaxSeconds < config.lockoutSeconds) {
    reader.problem('LOCKOUT_MAX_SECONDS', `must be at least LOCKOUT_SECONDS (${config.lockoutSeconds})`);
  }
  reader.throwIfInvalid();
  return config;
}

function requireStrongSecret(reader: EnvReader, secret: string | undefined): void {
  if (secret !== undefined && Buffer.byteLength(secret) >= MIN_JWT_SECRET_BYTES) return;
  reader.problem(
    'JWT_SECRET',
    `must be at least ${MIN_JWT_SECRET_BYTES} bytes when NODE_ENV=production; make one with ` +
      `node -p "require('crypto').randomBytes(48).toString('base64url')"`,
  );
}

class EnvReader {
  private readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  problem(name: string, text: string): void {
    this.problems.push(`${name} ${text}`);
  }

  throwIfInvalid(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }

  optionalText(name: string): string | undefined {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  text(name: string, fallback: string): string {
    return this.optionalText(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optionalText(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^-?\d+$/.test(raw) || value < min || value > max) {
      this.problem(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  optionalInteger(name: string, min: number, max: number): number | undefined {
    return this.optionalText(name) === undefined ? undefined : this.integer(name, min, min, max);
  }

  decimal(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optionalText(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > max) {
      this.problem(name, `must be a number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  }

  /** A hop count ("1"), or a comma-separated list of addresses and CIDR blocks. */
  trustProxy(name: string): TrustProxySetting {
    const raw = this.optionalText(name);
    if (raw === undefined || raw === 'false' || raw === '0') return { kind: 'none' };
    if (/^\d+$/.test(raw)) return { kind: 'hops', hops: this.integer(name, 0, 1, 32) };
    const cidrs = raw
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const bad = cidrs.filter((cidr) => !isCidr(cidr));
    if (bad.length > 0) {
      this.problem(name, `must be a hop count or a list of addresses/CIDRs, got "${bad.join(', ')}"`);
      return { kind: 'none' };
    }
    return { kind: 'cidrs', cidrs };
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optionalText(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(raw)) return true;
    if (['false', '0', 'no', 'off'].includes(raw)) return false;
    this.problem(name, `must be true or false, got "${raw}"`);
    return fallback;
  }

  oneOf(name: string, fallback: string, allowed: readonly string[]): string {
    const raw = this.optionalText(name);
    if (raw === undefined) return fallback;
    if (allowed.includes(raw)) return raw;
    this.problem(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
    return fallback;
  }
}

function isCidr(text: string): boolean {
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
