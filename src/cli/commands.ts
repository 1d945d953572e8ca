import { lockedAccounts, loginEvents, unlockAccount } from '../accounts/admin.js';
import { createAccount } from '../accounts/register.js';
import type { Passwords } from '../auth/passwords.js';
import type { Store } from '../db/store.js';
import type { Logger } from '../log/logger.js';
import { table } from './format.js';
import { readPassword } from './read-password.js';

export interface CliDeps {
  store: Store;
  passwords: () => Promise<Passwords>;
  clock: () => Date;
  log: Logger;
  out: (text: string) => void;
}

/** A refusal the user can fix: printed as one line, exit code 1. */
export class CliError extends Error {}

export type Command = (deps: CliDeps, args: ParsedArgs) => Promise<void>;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
}

const PAGE = 100;

export const commands: Record<string, Command> = {
  async 'create-admin'(deps, { options }) {
    const email = options.email;
    if (!email) throw new CliError('create-admin needs --email <address>');
    const password = await readPassword(`Password for ${email}: `);
    const outcome = await createAccount(
      { ...deps, passwords: await deps.passwords() },
      { email, password, username: options.username ?? email.split('@')[0] ?? 'admin' },
      'ADMIN',
    );
    if (outcome.kind === 'email_taken') throw new CliError(`an account with ${email} already exists`);
    if (outcome.kind === 'invalid_input') throw new CliError(outcome.message);
    deps.out(`created admin ${outcome.user.email} (${outcome.user.publicId})\n`);
  },

  async unlock(deps, { positional: [email] }) {
    if (!email) throw new CliError('unlock needs an email');
    const unlocked = await unlockAccount(deps, email);
    deps.out(unlocked ? `unlocked ${email}\n` : `${email} had no lock or failures to clear\n`);
  },

  async locked(deps) {
    const rows: string[][] = [];
    for (let after: string | undefined, more = true; more;) {
      const page = await lockedAccounts(deps, PAGE, after);
      rows.push(...page.items.map((l) => [l.email, String(l.failures), l.lockedUntil.toISOString()]));
      after = page.items.at(-1)?.email;
      more = page.hasNextPage;
    }
    deps.out(rows.length === 0 ? 'no locked accounts\n' : table(['EMAIL', 'FAILURES', 'LOCKED UNTIL'], rows));
  },

  async events(deps, { positional: [email], options }) {
    if (!email) throw new CliError('events needs an email');
    const limit = Number(options.limit ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE)
      throw new CliError(`--limit must be from 1 to ${PAGE}`);
    const page = await loginEvents(deps, email, limit);
    const rows = page.items.map((e) => [
      e.at.toISOString(),
      e.outcome,
      String(e.attempts),
      e.clientAddress,
      e.userAgent ?? '',
    ]);
    const headers = ['AT', 'OUTCOME', 'ATTEMPTS', 'ADDRESS', 'USER AGENT'];
    deps.out(rows.length === 0 ? `no login events for ${email}\n` : table(headers, rows));
  },
};

export const USAGE = `Usage: npm run cli -- <command> [arguments]

Commands:
  create-admin --email <address> [--username <name>]
                     create an administrator; the password is read from a prompt,
                     or from the first line of standard input when it is not a terminal
  unlock <email>     clear the lock and the failure count of an email
  locked             list the emails locked now
  events <email> [--limit N]
                     show the latest login events of an email (default 50)

The database is the server's: DATABASE_URL (and the other settings) from the environment
or .env, as for npm start.
`;
