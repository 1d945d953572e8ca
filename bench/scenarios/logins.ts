import { PASSWORD } from '../accounts.js';
import { GOOD, loginBody } from '../graphql.js';
import { runLoad, type LoadResult, type LoadSpec } from '../load.js';
import { memoryOf, sampleRss, waitUntilQuiet, type Memory } from '../metrics.js';
import { median } from '../stats.js';
import { graphqlUrl, roundOrder, type BenchContext } from './context.js';

export interface LoginsMeasurement {
  /** B1: successful logins per second, median of the rounds. */
  serverPerSecond: number;
  /** B1 reference: argon2.verify per second, median of the rounds. */
  referencePerSecond: number;
  serverRuns: LoadResult[];
  referenceRuns: number[];
  /** B7 */
  memory: MemoryMeasurement;
}

export interface MemoryMeasurement {
  idleRssBytes: number;
  peakSampledBytes: number;
  peakHwmBytes: number | undefined;
  /** idle RSS + argon2 memory cost × thread pool size */
  modelBytes: number;
  samples: number;
}

/** One account per connection, so no account ever has more than one login in flight. */
export function successfulLogins(ctx: BenchContext, emails: readonly string[], seconds: number): LoadSpec {
  return {
    url: graphqlUrl(ctx.server),
    bodies: emails.map((email) => loginBody(email, PASSWORD)),
    connections: ctx.plan.connections,
    seconds,
    expect: GOOD.authenticated,
  };
}

/** B1 and B7: the login flood against raw argon2, sampling the server's memory meanwhile. */
export async function measureLogins(
  ctx: BenchContext,
  emails: readonly string[],
  idle: Memory,
): Promise<LoginsMeasurement> {
  const { server, reference, plan } = ctx;
  const sampler = sampleRss(server.pid, server.metricsUrl, plan.memorySampleMs);
  ctx.progress('B1 warm-up');
  await runLoad(successfulLogins(ctx, emails, plan.warmupSeconds));
  await waitUntilQuiet(server.metricsUrl);
  await reference.run(plan.connections, plan.warmupSeconds);

  const serverRuns: LoadResult[] = [];
  const referenceRuns: number[] = [];
  const sides = {
    server: async () => {
      serverRuns.push(await runLoad(successfulLogins(ctx, emails, plan.loginSeconds)));
      await waitUntilQuiet(server.metricsUrl);
    },
    reference: async () => void referenceRuns.push(await reference.run(plan.connections, plan.loginSeconds)),
  };
  for (let round = 0; round < plan.loginRounds; round++) {
    ctx.progress(`B1 round ${round + 1}/${plan.loginRounds}`);
    for (const side of roundOrder(['reference', 'server'] as const, round)) await sides[side]();
    server.assertAlive();
  }

  const samples = await sampler.stop();
  const after = await memoryOf(server.pid, server.metricsUrl);
  return {
    serverPerSecond: median(serverRuns.map((run) => run.perSecond)),
    referencePerSecond: median(referenceRuns),
    serverRuns,
    referenceRuns,
    memory: {
      idleRssBytes: idle.rssBytes,
      peakSampledBytes: Math.max(...samples),
      peakHwmBytes: after.peakBytes,
      modelBytes: idle.rssBytes + plan.uvThreadpoolSize * plan.argon2.memoryKiB * 1024,
      samples: samples.length,
    },
  };
}
