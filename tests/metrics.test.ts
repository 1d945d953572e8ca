import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sqliteTarget } from './support/stores.js';
import { startTestServer, type TestServer } from './support/test-server.js';

describe('GET /metrics on METRICS_PORT', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(sqliteTarget, { env: { METRICS_PORT: '0', LOGIN_MAX_FAILURES: '2' } });
  });
  afterAll(async () => {
    await server.close();
    await server.database.dispose();
  });

  const scrape = async () => (await fetch(`${server.app.metricsUrl}/metrics`)).text();
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(series + ' '));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };

  it('moves the attempt, lock, password-check and argon2 series with traffic', async () => {
    const before = await scrape();
    await server.register('metrics@example.com', 'the right password');
    await server.login('metrics@example.com', 'the right password');
    for (let i = 0; i < 3; i++) await server.login('metrics@example.com', 'a wrong password');
    await server.login('metrics@example.com', 'short');

    const after = await scrape();

    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta('login_counter_login_attempts_total{outcome="success"}')).toBe(1);
    expect(delta('login_counter_login_attempts_total{outcome="invalid_credentials"}')).toBe(2);
    expect(delta('login_counter_login_attempts_total{outcome="locked"}')).toBe(1);
    expect(delta('login_counter_login_attempts_total{outcome="invalid_input"}')).toBe(1);
    expect(delta('login_counter_locks_started_total')).toBe(1);
    expect(delta('login_counter_password_checks_total')).toBe(3);
    expect(delta('login_counter_argon2_duration_seconds_count{operation="verify"}')).toBe(3);
    expect(delta('login_counter_argon2_duration_seconds_count{operation="hash"}')).toBe(1);
    expect(
      value(after, 'login_counter_http_request_duration_seconds_count{route="/graphql",status="200"}'),
    ).toBe(6);
    expect(after).toContain('login_counter_process_resident_memory_bytes');
  });

  it('is not served on the main port', async () => {
    const res = await fetch(`${server.url}/metrics`);

    expect(res.status).toBe(404);
  });
});
