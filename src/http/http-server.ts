import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import type { InFlight } from './in-flight.js';
import { sendError } from './respond.js';

/** Adds fields (an operation's outcome, say) to the request's one log line. */
export type NoteFields = (fields: Record<string, string | number | boolean>) => void;

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL, note: NoteFields) => Promise<void>;

/**
 * A plain node:http server with a fixed routing table: only the listed paths answer, every
 * request is logged once with its outcome, and a handler that throws gives a 500 without
 * detail instead of a hung socket.
 */
export interface HttpServerOptions {
  metrics?: Metrics;
  /** Tracks requests for a graceful shutdown; once it drains, new requests get a 503. */
  inFlight?: InFlight;
}

export function createHttpServer(
  routes: Record<string, Route>,
  log: Logger,
  options: HttpServerOptions = {},
): Server {
  const { metrics, inFlight } = options;
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    const noted: Record<string, string | number | boolean> = {};
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const path = pathOf(req);
      log.info({ method: req.method, path, status: res.statusCode, durationMs, ...noted }, 'request');
      const route = path in routes ? path : 'other';
      metrics?.requestSeconds.observe({ route, status: String(res.statusCode) }, durationMs / 1000);
    });
    const url = parseUrl(req.url);
    if (!url) return sendError(res, 400, 'BAD_REQUEST', 'The request target is not a valid path.');
    const route = routes[url.pathname];
    if (!route) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}.`);
    if (inFlight && !inFlight.enter()) {
      res.setHeader('connection', 'close');
      return sendError(res, 503, 'SHUTTING_DOWN', 'The server is shutting down. Try again shortly.');
    }
    route(req, res, url, (fields) => Object.assign(noted, fields))
      .catch((error: unknown) => {
        log.error({ err: error }, 'request failed');
        if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
        else res.destroy();
      })
      .finally(() => inFlight?.leave());
  });
  // Slow-loris guard: a client gets this long to send its headers and body.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

/** Node's parser lets through targets like `//[` that URL refuses; they must not throw here. */
function parseUrl(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return undefined;
  }
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
}
