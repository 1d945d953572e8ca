/**
 * Every setting of one run, in one place and copied into results/latest.json. Sized so that
 * `npm run bench` (build included) takes a little over two minutes on a 2-core machine.
 */
export const PLAN = {
  /** The server's defaults, passed explicitly so the reference is sure to use the same. */
  argon2: { memoryKiB: 19_456, iterations: 2, parallelism: 1 },
  maxFailures: 5,
  /**
   * IP_MAX_FAILURES: every request of the benchmark comes from 127.0.0.1, and B5 alone makes
   * hundreds of failed checks; the address counter is still read and written on every
   * attempt, it just never reaches its limit.
   */
  addressMaxFailures: 1_000_000,
  /** libuv's default, set explicitly for the server and the argon2 reference alike. */
  uvThreadpoolSize: 4,
  /** Concurrent connections (or argon2 callers) for every throughput figure, both sides. */
  connections: 8,
  warmupSeconds: 2,
  /**
   * Each throughput side is measured in several short rounds, interleaved and rotated so
   * every side runs in every position equally often; the median per side is reported. Many
   * short rounds, because on a shared 2-core machine the noise comes in bursts of seconds.
   * Login rounds are longer: at ~60 logins/s, the 8 requests in flight at the end of a run
   * would otherwise be a noticeable share of it.
   */
  loginRounds: 4,
  loginSeconds: 3,
  queryRounds: 8,
  querySeconds: 1.5,
  parallelWrongLogins: 200,
  /** Sequential unknown-email / wrong-password pairs, alternating which goes first. */
  timingPairs: 120,
  /** `me` latency: open-loop probe, alternating idle and login-flood phases, pooled per side. */
  probe: { ratePerSecond: 100, seconds: 2.5, phases: 4, rampSeconds: 0.5 },
  memorySampleMs: 100,
} as const;

export type Plan = typeof PLAN;

/** What the server and the references are started with. */
export function serverSettings(plan: Plan, dataDir: string, cpuProfDir?: string) {
  const { argon2, maxFailures, addressMaxFailures, uvThreadpoolSize } = plan;
  return {
    argon2,
    maxFailures,
    addressMaxFailures,
    uvThreadpoolSize,
    dataDir,
    ...(cpuProfDir && { cpuProfDir }),
  };
}
