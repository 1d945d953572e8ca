import { WRONG_PASSWORD } from '../accounts.js';
import { bearer, GOOD, graphqlBody, loginBody, ME, TRIVIAL } from '../graphql.js';
import { runLoad, type LoadResult, type LoadSpec } from '../load.js';
import { median } from '../stats.js';
import { graphqlUrl, roundOrder, type BenchContext } from './context.js';

/** `trivial` is `{ __typename }` on the real server: the fixed cost of its HTTP layer and plugins. */
export type OverheadSide = 'reference' | 'locked' | 'me' | 'trivial';

export interface OverheadMeasurement {
  /** Median good answers per second of each side. */
  perSecond: Record<OverheadSide, number>;
  runs: Record<OverheadSide, LoadResult[]>;
}

/**
 * B2 and B3: the cheapest real requests (a login refused by the lock, no argon2; and `me`)
 * against the cheapest possible Apollo request, same client settings, rounds rotated. The
 * real server's own `{ __typename }` runs alongside, to split its cost into fixed overhead
 * and the resolvers' share.
 */
export async function measureGraphqlOverhead(
  ctx: BenchContext,
  lockedEmail: string,
  token: string,
): Promise<OverheadMeasurement> {
  const specs = sideSpecs(ctx, lockedEmail, token);
  const sides = Object.keys(specs) as OverheadSide[];
  ctx.progress('B2/B3 warm-up');
  for (const side of sides) await runLoad({ ...specs[side], seconds: ctx.plan.warmupSeconds });

  const runs: Record<OverheadSide, LoadResult[]> = { reference: [], locked: [], me: [], trivial: [] };
  for (let round = 0; round < ctx.plan.queryRounds; round++) {
    ctx.progress(`B2/B3 round ${round + 1}/${ctx.plan.queryRounds}`);
    for (const side of roundOrder(sides, round)) runs[side].push(await runLoad(specs[side]));
    ctx.server.assertAlive();
    ctx.bare.assertAlive();
  }
  const perSecond = Object.fromEntries(
    sides.map((side) => [side, median(runs[side].map((run) => run.perSecond))]),
  );
  return { perSecond: perSecond as Record<OverheadSide, number>, runs };
}

function sideSpecs(ctx: BenchContext, lockedEmail: string, token: string): Record<OverheadSide, LoadSpec> {
  const common = { connections: ctx.plan.connections, seconds: ctx.plan.querySeconds };
  return {
    reference: { ...common, url: graphqlUrl(ctx.bare), bodies: [graphqlBody(TRIVIAL)], expect: GOOD.trivial },
    locked: {
      ...common,
      url: graphqlUrl(ctx.server),
      bodies: [loginBody(lockedEmail, WRONG_PASSWORD)],
      expect: GOOD.locked,
    },
    me: {
      ...common,
      url: graphqlUrl(ctx.server),
      bodies: [graphqlBody(ME)],
      headers: bearer(token),
      expect: GOOD.me,
    },
    trivial: { ...common, url: graphqlUrl(ctx.server), bodies: [graphqlBody(TRIVIAL)], expect: GOOD.trivial },
  };
}
