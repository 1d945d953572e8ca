import { startApp, type App } from './app.js';
import { ConfigError } from './config/config.js';
import { loadConfig, loadDotEnv } from './config/load-config.js';
import { createLogger } from './log/logger.js';

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
  const app = await startApp(config, { log });
  log.info({ url: `${app.url}/graphql` }, `listening on ${app.url}/graphql`);
  if (app.metricsUrl) log.info({ url: `${app.metricsUrl}/metrics` }, `metrics on ${app.metricsUrl}/metrics`);
  handleSignals(app, log);
}

/** The one place that ends the process: first signal drains and exits 0, a second exits at once. */
function handleSignals(app: App, log: ReturnType<typeof createLogger>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
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
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`login-counter failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
