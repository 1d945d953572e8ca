import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { sendError } from './respond.js';

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/**
 * A plain node:http server with a fixed routing table: only the listed paths answer, every
 * request is logged once with its outcome, and a handler that throws gives a 500 without
 * detail instead of a hung socket.
 */
export function createHttpServer(routes: Record<string, Route>, log: Logger, metrics?: Metrics): Server {
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const path = pathOf(req);
      log.info({ method: req.method, path, status: res.statusCode, durationMs }, 'request');
      const route = path in routes ? path : 'other';
      metrics?.requestSeconds.observe({ route, status: String(res.statusCode) }, durationMs / 1000);
    });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    if (!route) return sendError(res, 404, 'NOT_FOUND', `No route for ${url.pathname}.`);
    route(req, res, url).catch((error: unknown) => {
      log.error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
      else res.destroy();
    });
  });
  // Slow-loris guard: a client gets this long to send its headers and body.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  return query === -1 ? raw : raw.slice(0, query);
}
