import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { Logger } from '../log/logger.js';
import { MIN_JWT_SECRET_BYTES } from './config.js';

/**
 * The configured secret, or (outside production only; config refuses it there) one kept in
 * `jwt-secret` in `directory`, made on first start. Keeping it means tokens survive a restart
 * and every process on the same database signs with the same key.
 */
export function resolveJwtSecret(configured: string | undefined, directory: string, log: Logger): string {
  if (configured !== undefined) {
    if (Buffer.byteLength(configured) < MIN_JWT_SECRET_BYTES) {
      log.warn({ minBytes: MIN_JWT_SECRET_BYTES }, 'JWT_SECRET is short; production refuses it');
    }
    return configured;
  }
  const path = join(directory, 'jwt-secret');
  mkdirSync(dirname(path), { recursive: true });
  try {
    // `wx` fails when the file exists, so two processes starting together keep one secret.
    writeFileSync(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    log.warn({ path }, 'JWT_SECRET is not set: generated one and saved it; set JWT_SECRET in production');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    log.warn({ path }, 'JWT_SECRET is not set: using the generated one saved earlier');
  }
  return readSecret(path);
}

function readSecret(path: string): string {
  // A process that lost the creation race may read before the winner has written.
  for (let tries = 0; tries < 50; tries++) {
    const secret = readFileSync(path, 'utf8').trim();
    if (secret.length > 0) return secret;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`${path} is empty: delete it and start again, or set JWT_SECRET`);
}
