/**
 * Child process: raw argon2.verify with the server's costs, as fast as `concurrency` callers
 * can go. Runs apart from the bench process so autocannon's work never slows it down, and with
 * the server's UV_THREADPOOL_SIZE, which is what bounds parallel argon2 work.
 */
import argon2 from 'argon2';

interface RunRequest {
  kind: 'run';
  concurrency: number;
  seconds: number;
}

const PASSWORD = 'the argon2 reference password';
const options = {
  type: argon2.argon2id,
  memoryCost: integerEnv('ARGON2_MEMORY_KIB'),
  timeCost: integerEnv('ARGON2_ITERATIONS'),
  parallelism: integerEnv('ARGON2_PARALLELISM'),
} as const;
const hash = await argon2.hash(PASSWORD, options);

process.on('message', (message: RunRequest) => {
  void run(message).then((result) => process.send?.(result));
});
process.once('disconnect', () => process.exit(0));
process.send?.({ kind: 'ready' });

/** Counts the verifications that finish inside the window, as autocannon counts responses. */
async function run({ concurrency, seconds }: RunRequest) {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let completed = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      if (!(await argon2.verify(hash, PASSWORD))) throw new Error('reference hash did not verify');
      if (performance.now() <= deadline) completed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return { kind: 'result', completed, seconds: (deadline - started) / 1000 };
}

function integerEnv(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value)) throw new Error(`${name} must be set to a whole number`);
  return value;
}
