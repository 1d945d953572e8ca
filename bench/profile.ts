/**
 * Where the server's time goes on one request path: runs dist/src/main.js under --cpu-prof
 * with one kind of load, then prints the top self-time functions and modules of the loaded
 * window only (startup and setup excluded). Profiles stay in a temp dir, never in the repo.
 *
 *   npm run build && node --import tsx bench/profile.ts <locked|me|trivial|logins> [seconds]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { emailFor, lockAccount, PASSWORD, registerMany, WRONG_PASSWORD } from './accounts.js';
import { onExit } from './children.js';
import { monotonicUs, summariseProfile, type Share } from './cpu-profile.js';
import { bearer, GOOD, graphqlBody, loginBody, ME, TRIVIAL } from './graphql.js';
import { runLoad, type LoadSpec } from './load.js';
import { PLAN, serverSettings } from './plan.js';
import { startLoginServer, type LoginServer } from './servers.js';

const PATHS = ['locked', 'me', 'trivial', 'logins'] as const;
type PathName = (typeof PATHS)[number];

async function main(): Promise<void> {
  const path = process.argv[2] as PathName;
  const seconds = Number(process.argv[3] ?? 10);
  if (!PATHS.includes(path) || !(seconds > 0))
    throw new Error(`usage: bench/profile.ts <${PATHS.join('|')}> [seconds]`);
  const dataDir = mkdtempSync(join(tmpdir(), 'login-counter-bench-'));
  onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const cpuProfDir = mkdtempSync(join(tmpdir(), 'login-counter-profile-'));

  const server = await startLoginServer(serverSettings(PLAN, dataDir, cpuProfDir));
  const spec = { ...(await prepare(server, path)), connections: PLAN.connections };
  await runLoad({ ...spec, seconds: PLAN.warmupSeconds });
  const fromUs = monotonicUs();
  const load = await runLoad({ ...spec, seconds });
  const toUs = monotonicUs();
  await server.stop();

  const file = readdirSync(cpuProfDir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${cpuProfDir}: did the server exit cleanly?`);
  const summary = summariseProfile(join(cpuProfDir, file), { fromUs, toUs });
  console.log(
    `${path}: ${load.perSecond.toFixed(0)} good answers/s over ${load.seconds} s, ${load.unexpected} unexpected, ${load.non2xx} non-2xx`,
  );
  console.log(`profile: ${join(cpuProfDir, file)}`);
  console.log(
    `sampled ${summary.windowed ? 'load window' : 'whole run (window not found)'}: busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`,
  );
  print('self time by function', summary.selfByFunction);
  print('self time by module', summary.selfByModule);
  print('inclusive time by function', summary.inclusiveByFunction);
}

async function prepare(
  server: LoginServer,
  path: PathName,
): Promise<Omit<LoadSpec, 'connections' | 'seconds'>> {
  const url = `${server.url}/graphql`;
  switch (path) {
    case 'locked':
      await registerMany(server.url, 'locked', 1);
      await lockAccount(server.url, emailFor('locked', 0), PLAN.maxFailures);
      return { url, bodies: [loginBody(emailFor('locked', 0), WRONG_PASSWORD)], expect: GOOD.locked };
    case 'me': {
      const [token] = await registerMany(server.url, 'me', 1);
      return { url, bodies: [graphqlBody(ME)], headers: bearer(token!), expect: GOOD.me };
    }
    case 'trivial':
      return { url, bodies: [graphqlBody(TRIVIAL)], expect: GOOD.trivial };
    case 'logins': {
      await registerMany(server.url, 'flood', PLAN.connections);
      const bodies = Array.from({ length: PLAN.connections }, (_, i) =>
        loginBody(emailFor('flood', i), PASSWORD),
      );
      return { url, bodies, expect: GOOD.authenticated };
    }
  }
}

function print(title: string, shares: readonly Share[]): void {
  console.log(`\n${title}:`);
  for (const { name, ms, percent } of shares)
    console.log(`${percent.toFixed(1).padStart(6)} %  ${String(ms).padStart(6)} ms  ${name}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
