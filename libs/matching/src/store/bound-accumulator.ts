/**
 * Per-slot score bounds summed over posting lists, without allocating per query: a slot's bound is
 * reset the first time a query touches it (by stamp), and the touched slots are listed in order.
 */
export class BoundAccumulator {
  bounds = new Float64Array(0);
  touched = new Int32Array(1024);
  count = 0;
  private stamps = new Uint32Array(0);
  private stamp = 0;
  /** An `add` ran in this query: a `raise` would then mix a sum into a maximum. */
  private added = false;

  /** Starts a query over slots below `size`. */
  begin(size: number): void {
    if (this.stamps.length < size) {
      const length = Math.max(1024, size * 2);
      const stamps = new Uint32Array(length);
      stamps.set(this.stamps);
      this.stamps = stamps;
      this.bounds = new Float64Array(length);
    }
    this.stamp = (this.stamp + 1) >>> 0 || 1;
    this.count = 0;
    this.added = false;
  }

  /** Adds `credit` to every slot in `slots`, or `credits[i]` to `slots[i]` when given. */
  add(slots: readonly number[], credit: number, credits?: readonly number[]): void {
    this.added = true;
    this.visit(slots, credit, credits, false);
  }

  /**
   * Raises every slot in `slots` to at least `credit` (or `credits[i]`): for alternatives of which
   * a record earns only the best, as an occupation's closeness. Called before any `add` of the
   * query, so a slot's value is then the most of the alternatives it is listed in.
   */
  raise(slots: readonly number[], credit: number, credits?: readonly number[]): void {
    if (this.added) throw new Error('BoundAccumulator.raise after add in the same query');
    this.visit(slots, credit, credits, true);
  }

  private visit(
    slots: readonly number[],
    credit: number,
    credits: readonly number[] | undefined,
    max: boolean,
  ): void {
    if (this.count + slots.length > this.touched.length) {
      const grown = new Int32Array(Math.max(2 * this.touched.length, this.count + slots.length));
      grown.set(this.touched);
      this.touched = grown;
    }
    const { stamps, bounds, touched, stamp } = this;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      const value = credits ? credits[i] : credit;
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        bounds[slot] = value;
        touched[this.count++] = slot;
      } else if (!max) bounds[slot] += value;
      else if (value > bounds[slot]) bounds[slot] = value;
    }
  }
}
