import 'reflect-metadata';

import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

import type { AccountDeps } from './accounts/services.js';
import { Passwords } from './auth/passwords.js';
import { Tokens } from './auth/tokens.js';
import type { Config } from './config/config.js';
import { resolveJwtSecret } from './config/jwt-secret.js';
import { openStore } from './db/open-store.js';
import { sqlitePath } from './db/sqlite/sqlite-store.js';
import { createApollo } from './graphql/apollo.js';
import { handleGraphQL } from './http/graphql-handler.js';
import { healthRoute } from './http/health.js';
import { createHttpServer } from './http/http-server.js';
import type { Logger } from './log/logger.js';

export interface App {
  /** Where the server listens, e.g. http://127.0.0.1:4000 */
  url: string;
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
    const secretDir = store.dialect === 'sqlite' ? dirname(sqlitePath(config.databaseUrl)) : './data';
    const deps: AccountDeps = {
      store,
      passwords: await Passwords.create(config.argon2),
      tokens: new Tokens(resolveJwtSecret(config.jwtSecret, secretDir, log), config.jwtTtlSeconds),
      policy: { maxFailures: config.loginMaxFailures, lockoutSeconds: config.lockoutSeconds },
      clock,
      log,
    };
    const routes = { '/healthz': healthRoute(store) } as Record<string, import('./http/http-server.js').Route>;
    const httpServer = createHttpServer(routes, log);
    const apollo = createApollo(config, httpServer, log);
    await apollo.start();
    routes['/graphql'] = (req, res, url) =>
      handleGraphQL(apollo, (r) => ({ deps, authorization: r.headers.authorization }), req, res, url);

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return {
      url: `http://${host}:${port}`,
      deps,
      close: async () => {
        await apollo.stop();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
