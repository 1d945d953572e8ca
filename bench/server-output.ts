/** What a child wrote, kept small: counts per pino level and message, plus the first odd lines. */
export class ServerOutput {
  private readonly counts = new Map<string, number>();
  readonly notable: string[] = [];
  readonly tail: string[] = [];

  add(stream: 'stdout' | 'stderr', line: string): void {
    this.tail.push(line);
    if (this.tail.length > 40) this.tail.shift();
    const key = describe(stream, line);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (!key.startsWith('warn') && this.notable.length < 10) this.notable.push(line.slice(0, 500));
  }

  summary(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

function describe(stream: string, line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    return `${LEVELS[entry.level ?? 0] ?? 'level?'}: ${entry.msg ?? ''}`;
  } catch {
    return `${stream}: ${line.slice(0, 120)}`;
  }
}
