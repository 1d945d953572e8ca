import 'reflect-metadata';

import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

import type { AccountDeps } from './accounts/services.js';
import { DeviceTokens } from './auth/device-tokens.js';
import { Passwords } from './auth/passwords.js';
import { Tokens } from './auth/tokens.js';
import type { Config } from './config/config.js';
import type { CounterPolicy } from './counter/gate.js';
import { resolveJwtSecret } from './config/jwt-secret.js';
import { openStore } from './db/open-store.js';
import { sqlitePath } from './db/sqlite/sqlite-store.js';
import type { Store } from './db/store.js';
import { createApollo } from './graphql/apollo.js';
import { requestContext, type RequestContext } from './graphql/context.js';
import { clientAddressResolver, userAgentOf } from './http/client-address.js';
import { handleGraphQL } from './http/graphql-handler.js';
import { healthRoute } from './http/health.js';
import { InFlight } from './http/in-flight.js';
import { createHttpServer, type NoteFields, type Route } from './http/http-server.js';
import { createMetricsServer } from './http/metrics-server.js';
import type { Logger } from './log/logger.js';
import { startRetention } from './maintenance/retention.js';
import { Metrics } from './metrics/metrics.js';

export interface App {
  /** Where the server listens, e.g. http://127.0.0.1:4000 */
  url: string;
  /** Where /metrics is served, when METRICS_PORT is set. */
  metricsUrl: string | undefined;
  deps: AccountDeps;
  /** Stops taking requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
}

export interface AppOptions {
  log: Logger;
  /** Injected in tests that move time instead of sleeping. */
  clock?: () => Date;
}

export async function startApp(config: Config, { log, clock = () => new Date() }: AppOptions): Promise<App> {
  const store = await openStore(config, log);
  try {
    return await serve(config, await buildDeps(config, store, log, clock));
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function buildDeps(config: Config, store: Store, log: Logger, clock: () => Date): Promise<AccountDeps> {
  const metrics = new Metrics({ processMetrics: config.metricsPort !== undefined });
  const secretDir = store.dialect === 'sqlite' ? dirname(sqlitePath(config.databaseUrl)) : './data';
  const secret = resolveJwtSecret(config.jwtSecret, secretDir, log);
  return {
    store,
    passwords: await Passwords.create(config.argon2, metrics),
    tokens: new Tokens(secret, config.jwtTtlSeconds),
    deviceTokens: new DeviceTokens(secret, config.deviceTokenTtlSeconds),
    policy: counterPolicy(config, config.loginMaxFailures),
    devicePolicy: counterPolicy(config, config.deviceMaxFailures),
    maxSessionsPerUser: config.maxSessionsPerUser,
    clock,
    log,
    metrics,
  };
}

function counterPolicy(config: Config, maxFailures: number): CounterPolicy {
  return {
    lock: {
      maxFailures,
      lockoutSeconds: config.lockoutSeconds,
      backoff: config.lockoutBackoff,
      maxLockoutSeconds: config.lockoutMaxSeconds,
      resetSeconds: config.lockoutResetSeconds,
    },
    address: { maxFailures: config.ipMaxFailures, windowSeconds: config.ipWindowSeconds },
  };
}

async function serve(config: Config, deps: AccountDeps): Promise<App> {
  const { store, log, metrics } = deps;
  const routes: Record<string, Route> = { '/healthz': healthRoute(store) };
  const inFlight = new InFlight();
  const httpServer = createHttpServer(routes, log, { metrics, inFlight });
  const apollo = createApollo(config, httpServer, log);
  await apollo.start();
  const clientAddress = clientAddressResolver(config.trustProxy);
  const context = (req: IncomingMessage, note: NoteFields): RequestContext =>
    requestContext(
      deps,
      req.headers.authorization,
      { address: clientAddress(req), userAgent: userAgentOf(req) },
      note,
    );
  routes['/graphql'] = (req, res, url, note) => handleGraphQL(apollo, context, req, res, url, note);
  const metricsServer = config.metricsPort === undefined ? undefined : createMetricsServer(metrics, log);

  const url = await listen(httpServer, config.port, config.host);
  const metricsUrl = metricsServer && (await listen(metricsServer, config.metricsPort!, config.host));
  const stopRetention = startRetention(
    store,
    {
      auditRetentionDays: config.auditRetentionDays,
      counterIdleSeconds: Math.max(
        config.lockoutResetSeconds,
        config.ipWindowSeconds,
        config.lockoutMaxSeconds,
      ),
    },
    deps.clock,
    log,
  );
  return {
    url,
    metricsUrl,
    deps,
    close: async () => {
      stopRetention();
      inFlight.drain();
      if (metricsServer) await new Promise((resolve) => metricsServer.close(resolve));
      await apollo.stop();
      await inFlight.idle();
      await store.close();
    },
  };
}

async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}
