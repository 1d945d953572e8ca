import type { Plan } from './plan.js';
import { fixed, mib, type Row } from './report.js';
import type { OverheadMeasurement } from './scenarios/graphql-overhead.js';
import type { LatencyMeasurement } from './scenarios/latency-under-load.js';
import type { LockoutMeasurement } from './scenarios/lockout.js';
import type { LoginsMeasurement } from './scenarios/logins.js';
import type { TimingMeasurement } from './scenarios/timing.js';

export interface Measurements {
  logins: LoginsMeasurement;
  overhead: OverheadMeasurement;
  lockout: LockoutMeasurement;
  timing: TimingMeasurement;
  latency: LatencyMeasurement;
}

/** One table row per target; every ratio is against a reference measured in the same run. */
export function toRows(m: Measurements, plan: Plan): Row[] {
  const { logins, overhead, lockout, timing, latency } = m;
  const atLeast = (ratio: number, min: number) => ratio >= min;
  const b1 = logins.serverPerSecond / logins.referencePerSecond;
  const b2 = overhead.perSecond.locked / overhead.perSecond.reference;
  const b3 = overhead.perSecond.me / overhead.perSecond.reference;
  const b5 = timing.unknownEmailMedianMs / timing.wrongPasswordMedianMs;
  const b6 = latency.loadedP99Ms / latency.idleP99Ms;
  const peak = logins.memory.peakHwmBytes ?? logins.memory.peakSampledBytes;
  const threads = `${plan.uvThreadpoolSize} × ${fixed(plan.argon2.memoryKiB / 1024, 0)} MiB`;
  return [
    row(
      'B1',
      'successful logins/s',
      `${fixed(logins.serverPerSecond)}/s`,
      `argon2.verify ${fixed(logins.referencePerSecond)}/s`,
      b1,
      '>= 0.90',
      atLeast(b1, 0.9),
    ),
    row(
      'B2',
      'logins to a locked account/s',
      `${fixed(overhead.perSecond.locked, 0)}/s`,
      `bare Apollo ${fixed(overhead.perSecond.reference, 0)}/s`,
      b2,
      '>= 0.90',
      atLeast(b2, 0.9),
    ),
    row(
      'B3',
      '`me` queries/s',
      `${fixed(overhead.perSecond.me, 0)}/s`,
      `bare Apollo ${fixed(overhead.perSecond.reference, 0)}/s`,
      b3,
      '>= 0.85',
      atLeast(b3, 0.85),
    ),
    row(
      'B4',
      `password checks, ${plan.parallelWrongLogins} parallel wrong logins`,
      `${lockout.passwordChecks}`,
      `N = ${plan.maxFailures}`,
      lockout.passwordChecks / plan.maxFailures,
      'exactly N',
      lockout.passwordChecks === plan.maxFailures,
    ),
    row(
      'B5',
      'median ms: unknown email / wrong password',
      `${fixed(timing.unknownEmailMedianMs, 2)} ms`,
      `${fixed(timing.wrongPasswordMedianMs, 2)} ms`,
      b5,
      '0.90..1.10',
      b5 >= 0.9 && b5 <= 1.1,
    ),
    row(
      'B6',
      '`me` p99 under login flood / idle',
      `${fixed(latency.loadedP99Ms, 2)} ms`,
      `idle ${fixed(latency.idleP99Ms, 2)} ms`,
      b6,
      '<= 3',
      b6 <= 3,
    ),
    row(
      'B7',
      'peak RSS during login flood',
      mib(peak),
      `${mib(logins.memory.idleRssBytes)} idle + ${threads} = ${mib(logins.memory.modelBytes)}`,
      peak / logins.memory.modelBytes,
      'printed',
      null,
    ),
  ];
}

function row(
  id: string,
  what: string,
  measured: string,
  reference: string,
  ratio: number,
  target: string,
  met: boolean | null,
): Row {
  return { id, what, measured, reference, ratio, target, met };
}

export interface Diagnostics {
  /** The real server's `{ __typename }` against bare Apollo: its fixed per-request overhead. */
  trivialVsBare: number;
  lockedVsTrivial: number;
  meVsTrivial: number;
  /** Ratio of each interleaved round on its own, to show how far the noise moves them. */
  roundRatios: Record<'B1' | 'B2' | 'B3', number[]>;
}

export function toDiagnostics({ logins, overhead }: Measurements): Diagnostics {
  const rates = (runs: readonly { perSecond: number }[]) => runs.map((run) => run.perSecond);
  const divide = (a: readonly number[], b: readonly number[]) => a.map((value, i) => round2(value / b[i]!));
  const { perSecond, runs } = overhead;
  return {
    trivialVsBare: round2(perSecond.trivial / perSecond.reference),
    lockedVsTrivial: round2(perSecond.locked / perSecond.trivial),
    meVsTrivial: round2(perSecond.me / perSecond.trivial),
    roundRatios: {
      B1: divide(rates(logins.serverRuns), logins.referenceRuns),
      B2: divide(rates(runs.locked), rates(runs.reference)),
      B3: divide(rates(runs.me), rates(runs.reference)),
    },
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;
