import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where every test server of a run writes its log lines (set by tests/global-setup.ts). */
export const LOG_DIR_VARIABLE = 'LOGIN_COUNTER_TEST_LOG_DIR';

/** A pino destination appending to this worker's file in the run's log folder. */
export function runLogDestination(): { write(line: string): void } | undefined {
  const dir = process.env[LOG_DIR_VARIABLE];
  if (!dir) return undefined;
  const file = join(dir, `worker-${process.pid}.log`);
  return { write: (line: string) => appendFileSync(file, line) };
}

/** The test passwords: none of them may ever appear in a log line. */
export const TEST_SECRETS = [
  'the right password',
  'a wrong password',
  'my password',
  'correct horse',
  'an admin password',
  'a brand new password',
  'test-secret-that-is-at-least-32-bytes-long',
];

/** Lines that give away a secret: a test password, a JWT, an argon2 hash. */
export function leakingLines(text: string, extraSecrets: string[] = []): string[] {
  const secrets = [...TEST_SECRETS, ...extraSecrets];
  return text
    .split('\n')
    .filter(
      (line) => secrets.some((s) => line.includes(s)) || /eyJ[\w-]{8,}\.eyJ|\$argon2(id|i|d)\$/.test(line),
    );
}

export function readRunLogs(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}
