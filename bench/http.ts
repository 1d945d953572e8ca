import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  text: string;
  /** Time from sending the request to the end of the response body. */
  ms: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  agent?: Agent;
  timeoutMs?: number;
}

/** One keep-alive connection per concurrent request, reused across requests. */
export const keepAliveAgent = (): Agent => new Agent({ keepAlive: true, maxSockets: Infinity });

/** POSTs an already serialised JSON body. */
export function post(url: string, body: string, options: RequestOptions = {}): Promise<Reply> {
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...options.headers,
  };
  return send(url, 'POST', headers, body, options);
}

export function get(url: string, options: RequestOptions = {}): Promise<Reply> {
  return send(url, 'GET', options.headers ?? {}, undefined, options);
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  { agent, timeoutMs = 30_000 }: RequestOptions,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request(url, { method, headers, agent: agent ?? false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), ms });
      });
    });
    req.once('timeout', () => req.destroy(new Error(`${method} ${url} timed out after ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(body);
  });
}
