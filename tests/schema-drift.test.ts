import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { printSchemaFile, SCHEMA_FILE } from '../src/graphql/print-schema.js';

describe('schema/schema.graphql', () => {
  it('matches what the resolvers build (run `npm run schema:emit` after changing them)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printSchemaFile());
  });

  it('describes every type and every field', () => {
    const sdl = printSchemaFile();
    const undocumented = sdl
      .split('\n')
      .map((line, i, lines) => ({ line: line.trim(), previous: lines[i - 1]?.trim() ?? '' }))
      .filter(({ line }) => /^(type|input|interface|union|\w+(\(.*\))?:)/.test(line))
      .filter(({ previous }) => !previous.endsWith('"""'));

    expect(undocumented.map((u) => u.line)).toEqual([]);
  });
});
