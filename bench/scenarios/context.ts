import type { Plan } from '../plan.js';
import type { Argon2Reference, ChildServer, LoginServer } from '../servers.js';

/** What every scenario gets: the three children and the plan. */
export interface BenchContext {
  server: LoginServer;
  bare: ChildServer;
  reference: Argon2Reference;
  plan: Plan;
  progress(message: string): void;
}

export const graphqlUrl = (server: ChildServer): string => `${server.url}/graphql`;

/** A/B, then B/A, ...: neither side always runs first, so slow drift does not favour one. */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
