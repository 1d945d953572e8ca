import type { Store } from '../db/store.js';
import type { Route } from './http-server.js';
import { sendError, sendJson } from './respond.js';

/** 200 once the database is open, migrated and answering; 503 while it is not. */
export function healthRoute(store: Store): Route {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Use GET.');
    }
    const healthy = await store.isHealthy();
    sendJson(res, healthy ? 200 : 503, { status: healthy ? 'ok' : 'unavailable', database: store.dialect });
  };
}
