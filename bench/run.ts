/**
 * `npm run bench`: the real server (dist/src/main.js) and its references as child processes,
 * autocannon here. Every figure is a ratio to a reference measured in this same run; the
 * absolute numbers are printed but never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { emailFor, lockAccount, registerMany } from './accounts.js';
import { onExit } from './children.js';
import { machineInfo, noiseBetween, noiseNow } from './machine.js';
import { memoryOf, type Memory } from './metrics.js';
import { PLAN, serverSettings } from './plan.js';
import { fixed, formatTable, writeJson, type Row } from './report.js';
import { toDiagnostics, toRows, type Diagnostics, type Measurements } from './rows.js';
import type { BenchContext } from './scenarios/context.js';
import { measureGraphqlOverhead } from './scenarios/graphql-overhead.js';
import { measureLatencyUnderLoad } from './scenarios/latency-under-load.js';
import { measureLockout } from './scenarios/lockout.js';
import { measureLogins } from './scenarios/logins.js';
import { measureTiming } from './scenarios/timing.js';
import { startArgon2Reference, startBareApollo, startLoginServer, type LoginServer } from './servers.js';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
// Seen on the 2-core VM: with 20 % steal, bare Apollo fell from ~9600/s to ~2200/s and the
// B2/B3 ratios doubled, because every side then waits on the same starved CPU.
const STEAL_WARNING_PERCENT = 10;
const started = performance.now();
// Other work on the machine, and the hypervisor's steal, are the main sources of noise.
const noiseAtStart = noiseNow();
const elapsed = () => Math.round((performance.now() - started) / 1000);
const progress = (message: string) =>
  process.stderr.write(`[${String(elapsed()).padStart(4)} s] ${message}\n`);

async function main(): Promise<void> {
  printHeader();
  const dataDir = mkdtempSync(join(tmpdir(), 'login-counter-bench-'));
  onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const settings = serverSettings(PLAN, dataDir);

  progress('starting the server, the bare Apollo server and the argon2 reference');
  const server = await startLoginServer(settings);
  const idle = await memoryOf(server.pid, server.metricsUrl);
  const [bare, reference] = await Promise.all([startBareApollo(settings), startArgon2Reference(settings)]);
  const ctx: BenchContext = { server, bare, reference, plan: PLAN, progress };
  try {
    const measurements = await measureAll(ctx, idle);
    report(measurements, server);
  } finally {
    await Promise.all([server.stop(), bare.stop(), reference.stop()]);
  }
}

async function measureAll(ctx: BenchContext, idle: Memory): Promise<Measurements> {
  const { server, plan } = ctx;
  progress('registering accounts');
  await registerMany(server.url, 'flood', plan.connections);
  const floodEmails = Array.from({ length: plan.connections }, (_, i) => emailFor('flood', i));
  const [meToken] = await registerMany(server.url, 'me', 1);
  await registerMany(server.url, 'locked', 1);
  await lockAccount(server.url, emailFor('locked', 0), plan.maxFailures);

  const logins = await measureLogins(ctx, floodEmails, idle);
  const overhead = await measureGraphqlOverhead(ctx, emailFor('locked', 0), meToken!);
  const lockout = await measureLockout(ctx);
  const timing = await measureTiming(ctx);
  const latency = await measureLatencyUnderLoad(ctx, meToken!, floodEmails);
  return { logins, overhead, lockout, timing, latency };
}

function printHeader(): void {
  const { cpus, cpuModel, node } = machineInfo();
  console.log(`login-counter benchmark: ${cpus} CPUs (${cpuModel}), node ${node}`);
  console.log(
    `server: node dist/src/main.js, NODE_ENV=production, SQLite in a temp dir, LOG_LEVEL=warn (request logging at warn, ` +
      `so per-request info lines are not written), argon2id ${PLAN.argon2.memoryKiB} KiB / ${PLAN.argon2.iterations} ` +
      `iterations / ${PLAN.argon2.parallelism} lane, UV_THREADPOOL_SIZE=${PLAN.uvThreadpoolSize}, LOGIN_MAX_FAILURES=${PLAN.maxFailures}, ` +
      `IP_MAX_FAILURES=${PLAN.addressMaxFailures} (all traffic comes from 127.0.0.1; the address counter still runs)`,
  );
  console.log(
    `client: autocannon in this process, ${PLAN.connections} connections; per side ${PLAN.loginRounds} interleaved rounds of ` +
      `${PLAN.loginSeconds} s (logins), ${PLAN.queryRounds} of ${PLAN.querySeconds} s (queries), after ${PLAN.warmupSeconds} s warm-ups\n`,
  );
}

function report(measurements: Measurements, server: LoginServer): void {
  const machine = machineInfo();
  const noise = noiseBetween(noiseAtStart, noiseNow());
  const rows = toRows(measurements, PLAN);
  const diagnostics = toDiagnostics(measurements);
  const problems = loadProblems(measurements);
  printReport(rows, diagnostics, problems, measurements, server);
  console.log(
    `machine noise: load average ${noise.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ` +
      `${noise.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end (${machine.cpus} CPUs); ` +
      `hypervisor steal ${fixed(noise.stealPercent ?? Number.NaN)} % of CPU time`,
  );
  if ((noise.stealPercent ?? 0) > STEAL_WARNING_PERCENT) {
    console.log(
      `WARNING: the hypervisor took more than ${STEAL_WARNING_PERCENT} % of CPU time; the ratios above are compressed towards 1 and unreliable`,
    );
  }
  writeJson(RESULTS_FILE, {
    generatedAt: new Date().toISOString(),
    totalSeconds: elapsed(),
    machine: { ...machine, noise },
    settings: {
      ...PLAN,
      logLevel: 'warn',
      nodeEnv: 'production',
      loadGenerator: 'autocannon 9 (in the bench process)',
    },
    rows,
    diagnostics,
    problems,
    measurements,
    serverLog: server.output.summary(),
  });
  console.log(`written to ${RESULTS_FILE} (${elapsed()} s in all)`);
}

function printReport(
  rows: Row[],
  diagnostics: Diagnostics,
  problems: unknown,
  measurements: Measurements,
  server: LoginServer,
): void {
  console.log(`\n${formatTable(rows)}\n`);
  console.log(
    `met: ${rows.filter((r) => r.met === true).length} of ${rows.filter((r) => r.met !== null).length} targets`,
  );
  console.log(
    `real server { __typename }: ${measurements.overhead.perSecond.trivial.toFixed(0)}/s = ${diagnostics.trivialVsBare} × bare Apollo; ` +
      `locked login = ${diagnostics.lockedVsTrivial} × and me = ${diagnostics.meVsTrivial} × that`,
  );
  console.log(`ratio of each round: ${JSON.stringify(diagnostics.roundRatios)}`);
  console.log(
    `client-side problems (errors, timeouts, non-2xx, unexpected answers): ${JSON.stringify(problems)}`,
  );
  console.log(`B4 answers: ${JSON.stringify(measurements.lockout.answers)}`);
  console.log(`server log lines (LOG_LEVEL=warn): ${JSON.stringify(server.output.summary())}`);
  for (const line of server.output.notable) console.log(`  ${line}`);
}

/** Anything that went wrong on the wire in any load run, summed per side. */
function loadProblems({ logins, overhead, latency }: Measurements): Record<string, Record<string, number>> {
  const runsBySide = {
    logins: [...logins.serverRuns, ...latency.floods],
    locked: overhead.runs.locked,
    me: overhead.runs.me,
    trivial: overhead.runs.trivial,
    bareApollo: overhead.runs.reference,
  };
  const problems: Record<string, Record<string, number>> = {};
  for (const [side, runs] of Object.entries(runsBySide)) {
    const total = (key: 'errors' | 'timeouts' | 'non2xx' | 'unexpected') =>
      runs.reduce((n, run) => n + run[key], 0);
    problems[side] = {
      errors: total('errors'),
      timeouts: total('timeouts'),
      non2xx: total('non2xx'),
      unexpected: total('unexpected'),
    };
  }
  const probeFailures = latency.phases.reduce((n, phase) => n + phase.failures, 0);
  problems.meProbe = { failures: probeFailures };
  return problems;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
