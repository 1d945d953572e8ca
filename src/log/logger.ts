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
  'current',
  'next',
  'token',
  '*.token',
  'deviceToken',
  '*.deviceToken',
  'passwordHash',
  '*.passwordHash',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'jwtSecret',
  '*.jwtSecret',
];

/**
 * JSON lines for machines; readable colour lines when a person watches a terminal. Pass
 * `destination` to capture the lines (tests).
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'login-counter' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY) {
    return pino({
      ...options,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } },
    });
  }
  return pino(options);
}
