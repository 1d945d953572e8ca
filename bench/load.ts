import autocannon from 'autocannon';

import { keepAliveAgent, post } from './http.js';
import { sleep } from './stats.js';

export interface LoadSpec {
  /** The full /graphql URL. */
  url: string;
  /** One body per connection, handed out round robin (e.g. one account per connection). */
  bodies: readonly string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  /** A substring every good answer contains, e.g. '"__typename":"AccountLocked"'. */
  expect: string;
}

export interface LoadResult {
  /** Good answers per second. */
  perSecond: number;
  good: number;
  responses: number;
  seconds: number;
  /** Answers without `expect` in their body, whatever their status. */
  unexpected: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
}

export interface RunningLoad {
  stop(): void;
  done: Promise<LoadResult>;
}

/** Closed-loop load: every connection sends its next request as soon as it has an answer. */
export function startLoad(spec: LoadSpec): RunningLoad {
  let next = 0;
  const instance = autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...spec.headers },
    body: spec.bodies[0],
    connections: spec.connections,
    pipelining: 1,
    duration: spec.seconds,
    sampleInt: 250,
    timeout: 30,
    setupClient: (client) => client.setBody(spec.bodies[next++ % spec.bodies.length]!),
    verifyBody: (body) => body.includes(spec.expect),
  });
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance.once('error', reject);
    instance.then(resolve, reject);
  }).then(toLoadResult);
  return { stop: () => instance.stop(), done };
}

export const runLoad = (spec: LoadSpec): Promise<LoadResult> => startLoad(spec).done;

function toLoadResult(result: autocannon.Result): LoadResult {
  const responses = result.requests.total;
  const good = responses - result.mismatches;
  return {
    perSecond: good / result.duration,
    good,
    responses,
    seconds: result.duration,
    unexpected: result.mismatches,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

export interface ProbeSpec {
  url: string;
  body: string;
  headers?: Record<string, string>;
  ratePerSecond: number;
  seconds: number;
  expect: string;
}

export interface ProbeResult {
  /** Milliseconds, one per good answer, measured with hrtime (autocannon rounds to whole ms). */
  latencies: number[];
  failures: number;
}

/**
 * Open-loop latency probe: requests leave on a fixed schedule whether or not earlier ones
 * have answered, so a slow server cannot hide its slowness by slowing the probe down.
 */
export async function probeLatency(spec: ProbeSpec): Promise<ProbeResult> {
  const agent = keepAliveAgent();
  const latencies: number[] = [];
  let failures = 0;
  const pending: Promise<void>[] = [];
  const count = Math.round(spec.seconds * spec.ratePerSecond);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / spec.ratePerSecond - performance.now();
    if (wait > 0) await sleep(wait);
    const reply = post(spec.url, spec.body, { agent, headers: spec.headers });
    pending.push(
      reply.then(
        ({ status, text, ms }) =>
          void (status === 200 && text.includes(spec.expect) ? latencies.push(ms) : failures++),
        () => void failures++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies, failures };
}
