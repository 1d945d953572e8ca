/**
 * At most `limit` tasks run at once; the rest wait in arrival order. argon2 runs on libuv's
 * thread pool (4 threads by default): on a 2-core machine four hashes at once leave the event
 * loop a fifth of the CPU, so `me` and refused logins queue behind them. Holding argon2 to one
 * hash per core keeps the cores just as busy and the event loop responsive.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
