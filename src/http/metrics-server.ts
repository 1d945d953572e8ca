import type { Server } from 'node:http';

import type { Logger } from '../log/logger.js';
import type { Metrics } from '../metrics/metrics.js';
import { createHttpServer } from './http-server.js';
import { sendError } from './respond.js';

/**
 * Prometheus metrics on a listener of their own: the main port faces clients, and attempt
 * counts are not theirs to read.
 */
export function createMetricsServer(metrics: Metrics, log: Logger): Server {
  return createHttpServer(
    {
      '/metrics': async (req, res) => {
        if (req.method !== 'GET') return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.');
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(body);
      },
    },
    log.child({ listener: 'metrics' }),
  );
}
