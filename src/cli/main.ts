import 'reflect-metadata';

import { pino } from 'pino';

import { Passwords } from '../auth/passwords.js';
import { ConfigError } from '../config/config.js';
import { loadConfig, loadDotEnv } from '../config/load-config.js';
import { openStore } from '../db/open-store.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import { Metrics } from '../metrics/metrics.js';
import { CliError, commands, USAGE, type ParsedArgs } from './commands.js';

function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) throw new CliError(`--${name} needs a value`);
    options[name] = value;
  }
  return { positional, options };
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const args = parseArgs(rest);
  loadDotEnv();
  const config = loadConfig();
  // Operator output goes to stdout; only warnings and worse from the internals, on stderr.
  const log = pino({ level: 'warn' }, pino.destination(2));
  const store = await openStore(config, log);
  try {
    await command(
      {
        store,
        passwords: () => Passwords.create(config.argon2, new Metrics()),
        clock: () => new Date(),
        log,
        out: (text) => process.stdout.write(text),
      },
      args,
    );
    return 0;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof CliError || error instanceof ConfigError || error instanceof StoreUnavailableError;
    const message = known
      ? error.message
      : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`error: ${message.replace(/\n\s*/g, ' ')}\n`);
    process.exit(1);
  },
);
