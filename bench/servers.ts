import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { trackChild } from './children.js';
import { get } from './http.js';
import { ServerOutput } from './server-output.js';
import { sleep } from './stats.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export interface Argon2Costs {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface ServerSettings {
  argon2: Argon2Costs;
  maxFailures: number;
  addressMaxFailures: number;
  uvThreadpoolSize: number;
  /** Holds bench.db; the server also runs here, so no `.env` of the checkout applies. */
  dataDir: string;
  /** When set, the server runs with --cpu-prof and writes its profile here on exit. */
  cpuProfDir?: string;
}

export interface ChildServer {
  name: string;
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  output: ServerOutput;
  /** Throws when the child has exited, with its last output. */
  assertAlive(): void;
  /** SIGTERM, so the server drains (and writes its CPU profile); SIGKILL if it hangs. */
  stop(): Promise<void>;
}

export interface LoginServer extends ChildServer {
  metricsUrl: string;
}

/**
 * Ports that were free a moment ago, all held open until each is known so no two are the same;
 * passed explicitly because LOG_LEVEL=warn hides the "listening on" line.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve)),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port from listen(0)');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The real server, as `npm start` runs it: `node dist/src/main.js`. */
export async function startLoginServer(settings: ServerSettings): Promise<LoginServer> {
  const [port, metricsPort] = (await freePorts(2)) as [number, number];
  const profiling = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
  const child = spawnNode(
    'login-server',
    [...profiling, join(PROJECT_ROOT, 'dist/src/main.js')],
    settings.dataDir,
    {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(48).toString('base64url'),
      HOST,
      PORT: String(port),
      DATABASE_URL: join(settings.dataDir, 'bench.db'),
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'warn',
      ARGON2_MEMORY_KIB: String(settings.argon2.memoryKiB),
      ARGON2_ITERATIONS: String(settings.argon2.iterations),
      ARGON2_PARALLELISM: String(settings.argon2.parallelism),
      LOGIN_MAX_FAILURES: String(settings.maxFailures),
      IP_MAX_FAILURES: String(settings.addressMaxFailures),
      UV_THREADPOOL_SIZE: String(settings.uvThreadpoolSize),
    },
  );
  const server = await childServer('login-server', child, `http://${HOST}:${port}`);
  return { ...server, metricsUrl: `http://${HOST}:${metricsPort}` };
}

/** Apollo Server 5 and nothing else, behind the same kind of minimal node:http glue. */
export async function startBareApollo(
  settings: Pick<ServerSettings, 'uvThreadpoolSize'>,
): Promise<ChildServer> {
  const [port] = (await freePorts(1)) as [number];
  const child = spawnNode(
    'bare-apollo',
    ['--import', 'tsx', join(BENCH_DIR, 'bare-apollo.ts')],
    PROJECT_ROOT,
    {
      NODE_ENV: 'production',
      HOST,
      PORT: String(port),
      UV_THREADPOOL_SIZE: String(settings.uvThreadpoolSize),
    },
  );
  return childServer('bare-apollo', child, `http://${HOST}:${port}`);
}

function spawnNode(name: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  child.once('error', (error) => process.stderr.write(`bench: ${name} failed to spawn: ${error.message}\n`));
  return child;
}

async function childServer(name: string, child: ChildProcess, url: string): Promise<ChildServer> {
  const output = new ServerOutput();
  createInterface({ input: child.stdout! }).on('line', (line) => output.add('stdout', line));
  createInterface({ input: child.stderr! }).on('line', (line) => output.add('stderr', line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  const assertAlive = () => {
    if (hasExited()) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output.tail.join('\n')}`);
    }
  };
  await waitHealthy(url, assertAlive);
  return {
    name,
    url,
    pid: child.pid!,
    output,
    assertAlive,
    async stop() {
      if (hasExited()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitHealthy(url: string, assertAlive: () => void): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    assertAlive();
    const status = await get(`${url}/healthz`, { timeoutMs: 1000 }).then(
      (reply) => reply.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`${url}/healthz did not answer 200 within ${START_TIMEOUT_MS} ms`);
}

export interface Argon2Reference {
  /** Verifies the right password with `concurrency` in flight for `seconds`; completions per second. */
  run(concurrency: number, seconds: number): Promise<number>;
  stop(): Promise<void>;
}

interface ReferenceResult {
  kind: 'result';
  completed: number;
  seconds: number;
}

/** Raw argon2.verify in a child of its own, with the server's costs and thread pool size. */
export async function startArgon2Reference(settings: ServerSettings): Promise<Argon2Reference> {
  const child = fork(join(BENCH_DIR, 'argon2-reference.ts'), [], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    env: {
      PATH: process.env.PATH ?? '',
      UV_THREADPOOL_SIZE: String(settings.uvThreadpoolSize),
      ARGON2_MEMORY_KIB: String(settings.argon2.memoryKiB),
      ARGON2_ITERATIONS: String(settings.argon2.iterations),
      ARGON2_PARALLELISM: String(settings.argon2.parallelism),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  trackChild(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T>(): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = () => reject(new Error('argon2 reference exited'));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message as T);
      });
    });
  await next<{ kind: 'ready' }>();
  return {
    async run(concurrency, seconds) {
      const answer = next<ReferenceResult>();
      child.send({ kind: 'run', concurrency, seconds });
      const { completed, seconds: elapsed } = await answer;
      return completed / elapsed;
    },
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
