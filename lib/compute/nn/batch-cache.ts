/**
 * Buffers sized for one batch size, made on first use and then reused, so a
 * training loop at a fixed batch size allocates nothing after its first step.
 * A few sizes are kept at once (training batches, the last short batch of an
 * epoch, a decision grid, a data-set pass), the oldest dropped beyond that.
 */
export class BatchCache<T> {
  private readonly entries = new Map<number, T>();
  private lastBatch = -1;
  private last: T | null = null;

  constructor(
    private readonly make: (batch: number) => T,
    private readonly capacity = 8,
  ) {}

  get(batch: number): T {
    if (batch === this.lastBatch && this.last !== null) return this.last;
    let entry = this.entries.get(batch);
    if (entry === undefined) {
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      entry = this.make(batch);
      this.entries.set(batch, entry);
    }
    this.lastBatch = batch;
    this.last = entry;
    return entry;
  }

  /** The buffers of the most recent get(), or null before the first. */
  current(): T | null {
    return this.last;
  }
}
