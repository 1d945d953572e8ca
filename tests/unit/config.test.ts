import { describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      production: false,
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: './data/login-counter.db',
      jwtSecret: undefined,
      jwtTtlSeconds: 3600,
      loginMaxFailures: 5,
      lockoutSeconds: 900,
      argon2: { memoryKiB: 19456, iterations: 2, parallelism: 1 },
      logLevel: 'info',
      graphqlIntrospection: true,
    });
  });

  it('names every bad variable in one error', () => {
    const load = () =>
      loadConfig({
        PORT: 'eighty',
        LOGIN_MAX_FAILURES: '0',
        LOCKOUT_SECONDS: '-5',
        LOG_LEVEL: 'loud',
        ARGON2_MEMORY_KIB: '1.5',
      });

    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const name of [
        'PORT',
        'LOGIN_MAX_FAILURES',
        'LOCKOUT_SECONDS',
        'LOG_LEVEL',
        'ARGON2_MEMORY_KIB',
      ]) {
        expect(problems).toContain(name);
      }
    }
  });

  it('refuses production without a JWT_SECRET of 32 bytes, naming the fix', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET must be at least 32 bytes.*randomBytes/s,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('turns introspection off in production unless asked for', () => {
    const secret = 'x'.repeat(32);

    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).graphqlIntrospection).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, GRAPHQL_INTROSPECTION: 'true' })
        .graphqlIntrospection,
    ).toBe(true);
  });

  it.each([
    ['LOCKOUT_BACKOFF', { LOCKOUT_BACKOFF: '0.5' }],
    ['LOCKOUT_BACKOFF', { LOCKOUT_BACKOFF: 'twice' }],
    ['LOCKOUT_MAX_SECONDS', { LOCKOUT_SECONDS: '600', LOCKOUT_MAX_SECONDS: '60' }],
    ['LOCKOUT_SECONDS', { LOCKOUT_SECONDS: '99999999999' }],
    ['IP_MAX_FAILURES', { IP_MAX_FAILURES: '0' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'proxy.internal' }],
    ['METRICS_PORT', { METRICS_PORT: '70000' }],
  ])('stops at a %s that makes no sense', (name, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name} must`));
  });

  it('reads the abuse settings', () => {
    const config = loadConfig({
      TRUST_PROXY: '10.0.0.0/8, ::1',
      LOCKOUT_BACKOFF: '1.5',
      IP_MAX_FAILURES: '20',
    });

    expect(config.trustProxy).toEqual({ kind: 'cidrs', cidrs: ['10.0.0.0/8', '::1'] });
    expect(config.lockoutBackoff).toBe(1.5);
    expect(config.ipMaxFailures).toBe(20);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' });
  });

  it('accepts port 0 to pick a free port', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });
});
