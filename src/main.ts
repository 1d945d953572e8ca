import { startApp, type App } from './app.js';
import { ConfigError } from './config/config.js';
import { loadConfig, loadDotEnv } from './config/load-config.js';
import { createLogger, type Logger } from './log/logger.js';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const log = createLogger(config.logLevel);
  // Installed before anything listens: a supervisor may signal as soon as it sees the
  // "listening" line, and a signal with no listener kills the process without a drain.
  const shutdown = handleSignals(log);
  const app = await startApp(config, { log });
  shutdown.attach(app);
  log.info({ url: `${app.url}/graphql` }, `listening on ${app.url}/graphql`);
  if (app.metricsUrl) log.info({ url: `${app.metricsUrl}/metrics` }, `metrics on ${app.metricsUrl}/metrics`);
}

/**
 * The one place that ends the process. The first SIGTERM or SIGINT stops accepting, lets
 * in-flight requests finish, closes the database and exits 0; a second one exits at once.
 */
function handleSignals(log: Logger): { attach(app: App): void } {
  let app: App | undefined;
  let stopping = false;
  const close = () => {
    if (!app) return process.exit(0);
    app.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    close();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    attach(started) {
      app = started;
    },
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `login-counter failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
