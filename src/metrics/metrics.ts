import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type AttemptOutcome = 'success' | 'invalid_credentials' | 'locked' | 'rate_limited' | 'invalid_input';

/**
 * The server's Prometheus metrics. One registry per app (not prom-client's global one), so
 * several servers in one process, as in the tests, count separately.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly loginAttempts = new Counter({
    name: 'login_counter_login_attempts_total',
    help: 'Login attempts by outcome.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly locksStarted = new Counter({
    name: 'login_counter_locks_started_total',
    help: 'Locks started by a run of failed logins.',
    registers: [this.registry],
  });
  readonly passwordChecks = new Counter({
    name: 'login_counter_password_checks_total',
    help: 'argon2 password verifications performed (unknown emails included).',
    registers: [this.registry],
  });
  readonly argon2Seconds = new Histogram({
    name: 'login_counter_argon2_duration_seconds',
    help: 'Time spent in argon2, by operation.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.5, 1],
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'login_counter_http_request_duration_seconds',
    help: 'HTTP request durations by route and status.',
    labelNames: ['route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'login_counter_' });
  }

  /** Counts one finished login by its outcome. */
  attempt(outcome: AttemptOutcome): void {
    this.loginAttempts.inc({ outcome });
  }
}
