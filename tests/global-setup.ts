import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { leakingLines, LOG_DIR_VARIABLE, readRunLogs } from './support/log-capture.js';

/**
 * Every in-process test server logs at trace level into one folder for the whole run; when the
 * run ends, the folder is searched for secrets, and any hit fails the run.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'login-counter-logs-'));
  process.env[LOG_DIR_VARIABLE] = dir;
  return () => {
    const logs = readRunLogs(dir);
    rmSync(dir, { recursive: true, force: true });
    const leaks = leakingLines(logs);
    if (leaks.length > 0) {
      throw new Error(`log lines of this test run contain secrets:\n${leaks.slice(0, 5).join('\n')}`);
    }
  };
}
