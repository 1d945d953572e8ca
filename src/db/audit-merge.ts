import type { AuditEntry, AuditOutcome } from './store.js';

/**
 * Refused attempts (locked, rate limited, malformed) cost an attacker nothing, so one row each would let
 * a single client grow the trail by millions of rows a day. A refusal that repeats the latest
 * event of its email (same outcome, address and agent) within a minute is counted on that
 * row instead. The count stays exact, the order of events is kept, and the table grows by at
 * most one row per minute per hammering client and email.
 */
const MERGE_WINDOW_MS = 60_000;
const MERGEABLE: ReadonlySet<AuditOutcome> = new Set(['locked', 'rate_limited', 'invalid_input']);

export interface LatestEvent {
  id: number;
  outcome: string;
  clientAddress: string;
  userAgent: string | null;
  at: Date;
  lastAt: Date | null;
}

export const isMergeable = (entry: AuditEntry): boolean => MERGEABLE.has(entry.outcome);

export function mergesInto(latest: LatestEvent | undefined, entry: AuditEntry): latest is LatestEvent {
  if (!latest || !isMergeable(entry)) return false;
  const last = (latest.lastAt ?? latest.at).getTime();
  return (
    latest.outcome === entry.outcome &&
    latest.clientAddress === entry.clientAddress &&
    latest.userAgent === entry.userAgent &&
    entry.at.getTime() - last < MERGE_WINDOW_MS
  );
}
