import type { LockedEmail, LoginEvent } from '../db/store.js';
import { normalizeEmail } from './input-rules.js';
import type { AccountDeps } from './services.js';

/** Operator tasks, shared by the admin GraphQL fields and the command-line tool. */
export type OperatorDeps = Pick<AccountDeps, 'store' | 'clock' | 'log'>;

export async function unlockAccount(deps: OperatorDeps, email: string): Promise<boolean> {
  const unlocked = await deps.store.counters.unlock(normalizeEmail(email));
  if (unlocked) deps.log.info({ event: 'account_unlocked' }, 'account unlocked by an operator');
  return unlocked;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** Pages are read one row long, so the extra row tells whether another page exists. */
async function page<T>(first: number, read: (limit: number) => Promise<T[]>): Promise<Page<T>> {
  const rows = await read(first + 1);
  return { items: rows.slice(0, first), hasNextPage: rows.length > first };
}

export function lockedAccounts(
  deps: OperatorDeps,
  first: number,
  after?: string,
): Promise<Page<LockedEmail>> {
  return page(first, (limit) => deps.store.counters.listLocked(deps.clock(), limit, after));
}

export function loginEvents(
  deps: OperatorDeps,
  email: string,
  first: number,
  after?: number,
): Promise<Page<LoginEvent>> {
  return page(first, (limit) => deps.store.audit.list(normalizeEmail(email), limit, after));
}
