// Hands out change sequences inside one transaction: one locking read of the counter row, then local increments, one write before COMMIT.
//
// Why this keeps guarantee 3: the first allocation takes the counter row's lock (PostgreSQL: UPDATE … RETURNING;
// SQLite: the whole-database write lock of BEGIN IMMEDIATE), and that lock is held until COMMIT. No other
// transaction can allocate meanwhile, so counting locally and storing the last value at the end is equivalent to
// one UPDATE per call, minus a round trip per record.
export class ChangeCounter {
  private last: number | null = null;
  private stored: number | null = null;

  /** lockAndRead returns the counter's current value with the row locked until COMMIT. */
  constructor(private readonly lockAndRead: () => Promise<number>) {}

  async next(): Promise<number> {
    if (this.last === null) {
      this.stored = await this.lockAndRead();
      this.last = this.stored;
    }
    this.last += 1;
    return this.last;
  }

  /** The value to write back before COMMIT, or null when nothing was allocated since the read. */
  pendingWrite(): number | null {
    return this.last !== null && this.last !== this.stored ? this.last : null;
  }

  markWritten(): void {
    this.stored = this.last;
  }
}
