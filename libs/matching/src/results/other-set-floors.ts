/** How full one set of the other side is, leaving out the rows of the sets being written. */
export interface OtherSetFloor {
  otherId: string;
  /** Rows in the set, counted up to the set's size. */
  n: number;
  /** The set's lowest score, or null when it is empty. */
  floor: number | null;
}

/** A row of an owner being written that sits in a set of the other side. */
export interface HeldPair {
  ownerId: string;
  otherId: string;
  score: number;
}

/**
 * Decides which pairs of a batch of sets enter the other side's sets, as writing the sets one after
 * another would: a pair enters a set that is not full or whose lowest score it beats, counting
 * what the owners written before it put there and what the owners still to come hold there now.
 * Scores are compared as the table stores them, in single precision.
 */
export class OtherSetFloors {
  private readonly base = new Map<string, { n: number; floor: number }>();
  /** Per set of the other side: the owners of this batch in it, and their scores there. */
  private readonly held = new Map<string, Map<string, number>>();

  constructor(
    private readonly size: number,
    floors: readonly OtherSetFloor[],
    held: readonly HeldPair[],
  ) {
    for (const { otherId, n, floor } of floors)
      this.base.set(otherId, { n, floor: floor === null ? Infinity : Math.fround(floor) });
    for (const pair of held) this.heldIn(pair.otherId).set(pair.ownerId, Math.fround(pair.score));
  }

  /**
   * Whether the pair enters the other side's set. A pair the owner's write keeps (in the owner's
   * own set, or entering) moves its score there when it is, or now gets, a place in that set.
   */
  offer(ownerId: string, otherId: string, score: number, inOwnSet: boolean): boolean {
    const value = Math.fround(score);
    const base = this.base.get(otherId);
    let n = base?.n ?? 0;
    let floor = base?.floor ?? Infinity;
    const held = this.held.get(otherId);
    if (held)
      for (const [owner, heldScore] of held) {
        if (owner === ownerId) continue;
        n += 1;
        if (heldScore < floor) floor = heldScore;
      }
    const enters = n < this.size || value > floor;
    // A written pair keeps its place in the other set (with its new score), or takes one if it enters.
    if ((inOwnSet || enters) && (enters || held?.has(ownerId))) this.heldIn(otherId).set(ownerId, value);
    return enters;
  }

  /**
   * How many pairs the set holds beyond its size once the offers made so far are written: what
   * the set held apart from this batch's owners, and their pairs in it now.
   */
  excess(otherId: string): number {
    const n = (this.base.get(otherId)?.n ?? 0) + (this.held.get(otherId)?.size ?? 0);
    return Math.max(0, n - this.size);
  }

  private heldIn(otherId: string): Map<string, number> {
    let held = this.held.get(otherId);
    if (!held) this.held.set(otherId, (held = new Map<string, number>()));
    return held;
  }
}
