import type { ChildProcess } from 'node:child_process';

const running = new Set<ChildProcess>();
const cleanups: Array<() => void> = [];

/** Every child the benchmark starts is registered here, so no run leaves a server behind. */
export function trackChild(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
}

/** Synchronous work to do on any exit, e.g. removing the temporary database directory. */
export function onExit(cleanup: () => void): void {
  cleanups.push(cleanup);
}

function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      // Cleanup is best effort; the process is ending either way.
    }
  }
}

process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping children\n`);
    process.exit(130);
  });
}
