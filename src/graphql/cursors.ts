import { BadArgumentError } from './errors.js';

// Cursors are opaque to clients so that the ordering key can change without breaking them.

export const encodeCursor = (key: string | number): string => Buffer.from(String(key)).toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor)
    throw new BadArgumentError('`after` is not a cursor from this list.');
  return key;
}

export function decodeIdCursor(cursor: string | null | undefined): number | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  if (!/^\d{1,15}$/.test(key)) throw new BadArgumentError('`after` is not a cursor from this list.');
  return Number(key);
}

export const MAX_PAGE = 100;

export function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new BadArgumentError(`\`first\` must be from 1 to ${MAX_PAGE}.`);
  }
  return first;
}
