/**
 * Counts the requests being handled, so that shutdown can refuse new ones and wait for the
 * rest before it closes the database. The HTTP drain alone is not enough: a request whose
 * bytes arrived just as the drain ended its socket is still handled, and its login would
 * otherwise be counted against a database that is already closed.
 */
export class InFlight {
  private count = 0;
  private draining = false;
  private readonly waiters: Array<() => void> = [];

  /** False once draining: the caller must refuse the request without doing its work. */
  enter(): boolean {
    if (this.draining) return false;
    this.count += 1;
    return true;
  }

  leave(): void {
    this.count -= 1;
    if (this.count === 0) this.waiters.splice(0).forEach((wake) => wake());
  }

  drain(): void {
    this.draining = true;
  }

  /** Resolves once every request that entered has left. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
