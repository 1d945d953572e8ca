import { login, register } from './graphql.js';

export const PASSWORD = 'correct horse battery staple';
export const WRONG_PASSWORD = 'not the right password';

export const emailFor = (tag: string, i: number): string => `${tag}-${i}@bench.example`;

/** Registers `count` accounts a few at a time (each costs an argon2 hash); returns their tokens. */
export async function registerMany(
  baseUrl: string,
  tag: string,
  count: number,
  parallel = 4,
): Promise<string[]> {
  const tokens: string[] = [];
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, k) => start + k);
    tokens.push(...(await Promise.all(batch.map((i) => register(baseUrl, emailFor(tag, i), PASSWORD)))));
  }
  return tokens;
}

/** Fails `maxFailures` times, then checks that the next attempt is refused as locked. */
export async function lockAccount(baseUrl: string, email: string, maxFailures: number): Promise<void> {
  for (let i = 0; i < maxFailures; i++) await login(baseUrl, email, WRONG_PASSWORD);
  const answer = await login(baseUrl, email, WRONG_PASSWORD);
  if (answer.typename !== 'AccountLocked') throw new Error(`${email} is not locked: ${answer.typename}`);
}
