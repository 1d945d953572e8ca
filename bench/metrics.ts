import { existsSync, readFileSync } from 'node:fs';

import { get } from './http.js';

export async function scrapeMetrics(metricsUrl: string): Promise<string> {
  const reply = await get(`${metricsUrl}/metrics`, { timeoutMs: 5000 });
  if (reply.status !== 200) throw new Error(`GET ${metricsUrl}/metrics answered ${reply.status}`);
  return reply.text;
}

/** The value of one series (name plus labels, exactly as printed), 0 when absent. */
export function seriesValue(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

export const PASSWORD_CHECKS = 'login_counter_password_checks_total';
export const RESIDENT_MEMORY = 'login_counter_process_resident_memory_bytes';

export interface Memory {
  rssBytes: number;
  /** Peak RSS over the process's life (VmHWM); undefined where /proc is not available. */
  peakBytes: number | undefined;
}

/** From /proc when there is one (no load on the server), else from the server's own metrics. */
export async function memoryOf(pid: number, metricsUrl: string): Promise<Memory> {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const text = readFileSync(status, 'utf8');
    return { rssBytes: procKiB(text, 'VmRSS') * 1024, peakBytes: procKiB(text, 'VmHWM') * 1024 };
  }
  return { rssBytes: seriesValue(await scrapeMetrics(metricsUrl), RESIDENT_MEMORY), peakBytes: undefined };
}

function procKiB(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

export interface RssSampler {
  /** Stops sampling; resolves with the samples, in bytes. */
  stop(): Promise<number[]>;
}

export function sampleRss(pid: number, metricsUrl: string, everyMs: number): RssSampler {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push((await memoryOf(pid, metricsUrl)).rssBytes);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

const ATTEMPTS = 'login_counter_login_attempts_total{';

/**
 * Waits until the server has finished the logins a stopped load left in flight (autocannon
 * drops its sockets, the server still hashes), so they do not leak into the next measurement.
 */
export async function waitUntilQuiet(metricsUrl: string, stableMs = 300, maxMs = 5000): Promise<void> {
  const finished = async () => {
    const lines = (await scrapeMetrics(metricsUrl)).split('\n').filter((line) => line.startsWith(ATTEMPTS));
    return lines.reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  };
  const deadline = Date.now() + maxMs;
  let last = await finished();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, stableMs));
    const now = await finished();
    if (now === last) return;
    last = now;
  }
}
