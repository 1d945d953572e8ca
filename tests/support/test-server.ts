import { pino } from 'pino';

import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/log/logger.js';
import { gql, LOGIN, REGISTER, type GraphQLResponse } from './graphql-client.js';
import { runLogDestination } from './log-capture.js';
import type { StoreTarget, TestDatabase } from './stores.js';
import { TEST_ENV } from './test-env.js';

/** A clock the test moves by hand, so lock expiry is tested without sleeping. */
export class TestClock {
  constructor(private time = Date.parse('2026-01-01T12:00:00Z')) {}
  now = (): Date => new Date(this.time);
  advanceSeconds(seconds: number): void {
    this.time += seconds * 1000;
  }
}

export interface TestServer {
  url: string;
  app: App;
  database: TestDatabase;
  env: Record<string, string>;
  gql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GraphQLResponse<T>>;
  register(email: string, password: string, extra?: Record<string, unknown>): Promise<GraphQLResponse>;
  login(email: string, password: string): Promise<GraphQLResponse>;
  /** Password checks this server has performed, from its own metrics. */
  passwordChecks(): Promise<number>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: TestClock;
  /** Reuse a database (a restart); otherwise a fresh one is made. */
  database?: TestDatabase;
  /** Collects every log line, for tests that read the log. */
  logLines?: string[];
}

/** A real server on an ephemeral port, in this process, on its own real database. */
export async function startTestServer(
  target: StoreTarget,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const database = options.database ?? (await target.createDatabase());
  const env = { ...TEST_ENV, ...options.env, DATABASE_URL: database.url };
  const config = loadConfig(env);
  const runLog = runLogDestination();
  const log = options.logLines
    ? createLogger('trace', { write: (line: string) => void options.logLines!.push(line) })
    : runLog
      ? createLogger('trace', runLog)
      : pino({ level: 'silent' });
  const app = await startApp(config, { log, clock: options.clock?.now });
  const ask: TestServer['gql'] = (query, variables, token) => gql(app.url, query, variables, { token });
  let closed = false;
  return {
    url: app.url,
    app,
    database,
    env,
    gql: ask,
    register: (email, password, extra = {}) =>
      ask(REGISTER, { input: { email, password, username: 'someone', ...extra } }),
    login: (email, password) => ask(LOGIN, { input: { email, password } }),
    passwordChecks: async () => (await app.deps.metrics.passwordChecks.get()).values[0]?.value ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
  };
}
