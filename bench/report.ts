import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Row {
  id: string;
  what: string;
  measured: string;
  reference: string;
  ratio: number;
  target: string;
  /** null for figures that are reported but have no target. */
  met: boolean | null;
}

const COLUMNS = ['id', 'what', 'measured', 'reference', 'ratio', 'target', 'met'] as const;

export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((row) => [
    row.id,
    row.what,
    row.measured,
    row.reference,
    Number.isFinite(row.ratio) ? row.ratio.toFixed(2) : 'n/a',
    row.target,
    row.met === null ? 'info' : row.met ? 'met' : 'NOT MET',
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

export const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
export const mib = (bytes: number | undefined): string =>
  bytes === undefined ? 'n/a' : `${fixed(bytes / 1024 / 1024, 0)} MiB`;
