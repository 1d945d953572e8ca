import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Aggregate CPU time counters from /proc/stat (Linux), in clock ticks. */
interface CpuTicks {
  total: number;
  steal: number;
}

/** A snapshot of how busy the machine is; two of them give the noise during a run. */
export interface Noise {
  loadAverage: number[];
  ticks: CpuTicks | undefined;
}

export const noiseNow = (): Noise => ({ loadAverage: loadavg(), ticks: cpuTicks() });

function cpuTicks(): CpuTicks | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1, 9)
    .map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}

export interface NoiseReport {
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  /** Share of CPU time the hypervisor gave to others while this run wanted it. */
  stealPercent: number | undefined;
}

export function noiseBetween(start: Noise, end: Noise): NoiseReport {
  const total = start.ticks && end.ticks ? end.ticks.total - start.ticks.total : 0;
  return {
    loadAverageAtStart: start.loadAverage,
    loadAverageAtEnd: end.loadAverage,
    stealPercent: total > 0 ? (100 * (end.ticks!.steal - start.ticks!.steal)) / total : undefined,
  };
}

export function machineInfo() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    totalMemBytes: totalmem(),
    platform: platform(),
    release: release(),
    node: process.version,
  };
}
