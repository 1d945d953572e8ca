import { randomBytes } from 'node:crypto';

import argon2 from 'argon2';

import type { Argon2Costs } from '../config/config.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import type { Metrics } from '../metrics/metrics.js';

/** argon2id hashing and verification with the configured costs. */
export class Passwords {
  private readonly limit: ConcurrencyLimit;

  private constructor(
    private readonly options: argon2.HashOptions,
    concurrency: number,
    private readonly metrics: Metrics,
    /**
     * A hash of a random password with the current costs. Unknown emails are verified
     * against it so that they take as long as known ones and timing tells nothing.
     */
    readonly dummyHash: string,
  ) {
    this.limit = new ConcurrencyLimit(concurrency);
  }

  static async create(costs: Argon2Costs, metrics: Metrics): Promise<Passwords> {
    const options = {
      type: argon2.argon2id,
      memoryCost: costs.memoryKiB,
      timeCost: costs.iterations,
      parallelism: costs.parallelism,
    } as const;
    const dummyHash = await argon2.hash(randomBytes(32).toString('base64url'), options);
    return new Passwords(options, costs.concurrency, metrics, dummyHash);
  }

  async hash(password: string): Promise<string> {
    return this.limit.run(async () => {
      const done = this.metrics.argon2Seconds.startTimer({ operation: 'hash' });
      try {
        return await argon2.hash(password, this.options);
      } finally {
        done();
      }
    });
  }

  /** False for a wrong password and for a malformed stored hash alike. */
  async verify(hash: string, password: string): Promise<boolean> {
    this.metrics.passwordChecks.inc();
    return this.limit.run(async () => {
      const done = this.metrics.argon2Seconds.startTimer({ operation: 'verify' });
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      } finally {
        done();
      }
    });
  }

  /** True when `hash` was made with other costs than the current ones. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, this.options);
  }
}
