/**
 * Settings every test server starts from: cheap argon2 costs (the counter's logic does not
 * depend on them), a fixed secret, and quiet logs.
 */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  JWT_SECRET: 'test-secret-that-is-at-least-32-bytes-long',
  ARGON2_MEMORY_KIB: '4096',
  ARGON2_ITERATIONS: '1',
  ARGON2_PARALLELISM: '1',
  LOGIN_MAX_FAILURES: '5',
  LOCKOUT_SECONDS: '900',
  LOG_LEVEL: 'silent',
};
