import type { Store } from '../db/store.js';
import type { Logger } from '../log/logger.js';

const DAY_MS = 86_400_000;
const EVERY_MS = 3_600_000;

export interface RetentionPolicy {
  auditRetentionDays: number;
  /** Counter rows untouched for this long carry no state worth keeping (see below). */
  counterIdleSeconds: number;
}

/**
 * One pass of pruning. Login events go after the retention period. Counter rows go once
 * nothing in them can matter: not locked, and idle for longer than both the lock-history
 * reset window and the address window, so a partial run of failures is forgotten after that
 * much quiet. Sessions go a day after they expired.
 */
export async function pruneOnce(
  store: Store,
  policy: RetentionPolicy,
  now: Date,
): Promise<Record<string, number>> {
  return {
    events: await store.audit.prune(new Date(now.getTime() - policy.auditRetentionDays * DAY_MS)),
    counters: await store.counters.prune(now, new Date(now.getTime() - policy.counterIdleSeconds * 1000)),
    sessions: await store.sessions.prune(new Date(now.getTime() - DAY_MS)),
  };
}

/** Prunes at start and then hourly, in the background; answers a function that stops it. */
export function startRetention(
  store: Store,
  policy: RetentionPolicy,
  clock: () => Date,
  log: Logger,
): () => void {
  const run = () =>
    pruneOnce(store, policy, clock()).then(
      (removed) => log.info({ event: 'retention', ...removed }, 'pruned old rows'),
      // Already logged, without detail, by the store guard; the next pass tries again.
      () => undefined,
    );
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
