/** A FIFO async mutex. SQLite has one connection, so its transactions are queued through this. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  get queued(): number {
    return this.waiting;
  }

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    this.waiting++;
    await prev;
    this.waiting--;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  }
}
