import { bearer, GOOD, graphqlBody, ME } from '../graphql.js';
import { probeLatency, startLoad, type LoadResult } from '../load.js';
import { waitUntilQuiet } from '../metrics.js';
import { percentile, sleep } from '../stats.js';
import { graphqlUrl, type BenchContext } from './context.js';
import { successfulLogins } from './logins.js';

export interface PhaseLatency {
  loaded: boolean;
  samples: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LatencyMeasurement {
  idleP99Ms: number;
  loadedP99Ms: number;
  idleP50Ms: number;
  loadedP50Ms: number;
  phases: PhaseLatency[];
  /** The login floods that ran under the loaded phases. */
  floods: LoadResult[];
}

/** B6: `me` latency at a fixed request rate, idle and while successful logins saturate the CPU. */
export async function measureLatencyUnderLoad(
  ctx: BenchContext,
  token: string,
  emails: readonly string[],
): Promise<LatencyMeasurement> {
  const { probe } = ctx.plan;
  const idle: number[] = [];
  const loaded: number[] = [];
  const phases: PhaseLatency[] = [];
  const floods: LoadResult[] = [];
  const measure = async (underLoad: boolean) => {
    const result = await probeLatency({
      url: graphqlUrl(ctx.server),
      body: graphqlBody(ME),
      headers: bearer(token),
      ratePerSecond: probe.ratePerSecond,
      seconds: probe.seconds,
      expect: GOOD.me,
    });
    (underLoad ? loaded : idle).push(...result.latencies);
    phases.push({
      loaded: underLoad,
      samples: result.latencies.length,
      failures: result.failures,
      p50Ms: percentile(result.latencies, 50),
      p99Ms: percentile(result.latencies, 99),
    });
  };

  for (let phase = 0; phase < probe.phases; phase++) {
    ctx.progress(`B6 phase ${phase + 1}/${probe.phases}: idle, then under a login flood`);
    await measure(false);
    // Longer than the probe needs; stopped as soon as the probe is done.
    const flood = startLoad(successfulLogins(ctx, emails, probe.rampSeconds + probe.seconds + 30));
    await sleep(probe.rampSeconds * 1000);
    await measure(true);
    flood.stop();
    floods.push(await flood.done);
    await waitUntilQuiet(ctx.server.metricsUrl);
    ctx.server.assertAlive();
  }
  return {
    idleP99Ms: percentile(idle, 99),
    loadedP99Ms: percentile(loaded, 99),
    idleP50Ms: percentile(idle, 50),
    loadedP50Ms: percentile(loaded, 50),
    phases,
    floods,
  };
}
