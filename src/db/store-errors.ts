import type { Logger } from '../log/logger.js';
import type { Store } from './store.js';

/**
 * The database failed (gone, timed out, busy). Carries no driver message: drivers and Drizzle
 * put SQL text and parameters (emails, hashes) in theirs, and those must reach neither a
 * client nor a log line.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
  ) {
    super('The database is unavailable.');
    this.name = 'StoreUnavailableError';
  }
}

/** The driver's error code (SQLSTATE, errno name or SQLITE_*), never its message. */
function codeOf(error: unknown): string {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string') return e.code;
    e = e.cause as typeof e;
  }
  return 'unknown';
}

/** Wraps every store method so that a database failure becomes a StoreUnavailableError. */
export function guardStore(store: Store, log: Logger): Store {
  return {
    dialect: store.dialect,
    users: guard(store.users, 'users', log),
    sessions: guard(store.sessions, 'sessions', log),
    audit: guard(store.audit, 'audit', log),
    counters: guard(store.counters, 'counters', log),
    isHealthy: () => store.isHealthy(),
    close: () => store.close(),
  };
}

function guard<T extends object>(part: T, name: string, log: Logger): T {
  return new Proxy(part, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          const failure = new StoreUnavailableError(`${name}.${String(property)}`, codeOf(error));
          log.error({ operation: failure.operation, code: failure.code }, 'database operation failed');
          throw failure;
        }
      };
    },
  });
}
