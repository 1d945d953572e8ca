import { pino, type Logger } from 'pino';

import type { LogLevel } from '../config/config.js';

export type { Logger };

/**
 * Secrets never reach a log line: these paths are censored wherever a caller passes them by
 * mistake, on top of the rule that no code logs a password, token, hash or SQL parameter.
 */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'passwordHash',
  '*.passwordHash',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'jwtSecret',
  '*.jwtSecret',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'login-counter' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
