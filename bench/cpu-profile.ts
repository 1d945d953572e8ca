import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The part of V8's .cpuprofile format (written by `node --cpu-prof`) used here. */
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  /** Sampled milliseconds in the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  /** False when the window did not overlap the profile and every sample was used. */
  windowed: boolean;
  selfByFunction: Share[];
  selfByModule: Share[];
  /** Time with the function anywhere on the stack. */
  inclusiveByFunction: Share[];
}

/** Microseconds on CLOCK_MONOTONIC, the clock V8 stamps its samples with on Linux. */
export interface Window {
  fromUs: number;
  toUs: number;
}

export const monotonicUs = (): number => Number(process.hrtime.bigint() / 1000n);

export function summariseProfile(path: string, window: Window | undefined, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = parentsOf(profile.nodes);
  const samples = samplesIn(profile, window);
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busyMs = 0;
  let idleMs = 0;
  for (const { nodeId, ms } of samples.list) {
    const frame = nodes.get(nodeId)!.callFrame;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    busyMs += ms;
    add(self, label(frame), ms);
    add(modules, moduleOf(frame), ms);
    for (const name of stackLabels(nodeId, nodes, parents)) add(inclusive, name, ms);
  }
  const shares = (map: Map<string, number>) => ranked(map, busyMs, top);
  return {
    busyMs,
    idleMs,
    windowed: samples.windowed,
    selfByFunction: shares(self),
    selfByModule: shares(modules),
    inclusiveByFunction: shares(inclusive),
  };
}

function samplesIn(profile: CpuProfile, window: Window | undefined) {
  const all: Array<{ nodeId: number; ms: number; at: number }> = [];
  let at = profile.startTime;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    all.push({ nodeId, ms: delta / 1000, at });
  });
  const inside = window ? all.filter((s) => s.at >= window.fromUs && s.at <= window.toUs) : [];
  return inside.length > 0 ? { list: inside, windowed: true } : { list: all, windowed: false };
}

function parentsOf(nodes: readonly ProfileNode[]): Map<number, number> {
  const parents = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  return parents;
}

function stackLabels(
  nodeId: number,
  nodes: Map<number, ProfileNode>,
  parents: Map<number, number>,
): Set<string> {
  const labels = new Set<string>();
  for (let id: number | undefined = nodeId; id !== undefined; id = parents.get(id)) {
    labels.add(label(nodes.get(id)!.callFrame));
  }
  return labels;
}

function label(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  return `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) return url.slice(modules + '/node_modules/'.length);
  const dist = url.indexOf('/dist/src/');
  if (dist !== -1) return url.slice(dist + '/dist/'.length);
  return url;
}

/** An npm package, a file of ours, a node: subsystem, or V8's own buckets like (garbage collector). */
function moduleOf(frame: CallFrame): string {
  const { url } = frame;
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? url);
  }
  if (url.startsWith('node:')) return `node:${url.replace(/^node:(internal\/)?/, '').split('/')[0]}`;
  return shortUrl(url).replace(/^file:\/\//, '');
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function ranked(map: Map<string, number>, total: number, top: number): Share[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: total > 0 ? (100 * ms) / total : 0 }));
}
