import type { ProximityRelation } from './factors';

export interface StandIn {
  /** The required skill a candidate's skill stands in for. */
  skill: number;
  relation: ProximityRelation;
}

export interface SkillEdges {
  /** [narrower, broader] skill URI pairs of the ESCO skill hierarchy. */
  broader: readonly (readonly [string, string])[];
  /** Related-skill pairs (ESCO skill–skill relations), read in both directions. */
  related: readonly (readonly [string, string])[];
}

/**
 * ESCO skills as small integers, with the proximity map computed once per taxonomy version: for a
 * skill a candidate holds, which other skills it can stand in for, and through which relation.
 */
export class SkillSpace {
  private readonly ids = new Map<string, number>();
  private readonly uris: string[] = [];
  private readonly standIns = new Map<number, StandIn[]>();

  constructor(edges: SkillEdges = { broader: [], related: [] }) {
    for (const [narrower, broader] of edges.broader) {
      this.link(this.id(narrower), this.id(broader), 'narrower');
      this.link(this.id(broader), this.id(narrower), 'broader');
    }
    for (const [a, b] of edges.related) {
      this.link(this.id(a), this.id(b), 'related');
      this.link(this.id(b), this.id(a), 'related');
    }
  }

  /** The id of a URI, interned on first sight (concepts added after loading still match exactly). */
  id(uri: string): number {
    let id = this.ids.get(uri);
    if (id === undefined) {
      id = this.uris.length;
      this.ids.set(uri, id);
      this.uris.push(uri);
    }
    return id;
  }

  uri(id: number): string {
    return this.uris[id];
  }

  /** Required skills the candidate's skill `id` stands in for (without itself). */
  standInsOf(id: number): readonly StandIn[] {
    return this.standIns.get(id) ?? [];
  }

  get size(): number {
    return this.uris.length;
  }

  /** A candidate holding `held` covers `required` through `relation`; the closest relation wins. */
  private link(held: number, required: number, relation: ProximityRelation): void {
    if (held === required) return;
    const list = this.standIns.get(held) ?? [];
    const existing = list.find((entry) => entry.skill === required);
    if (!existing) list.push({ skill: required, relation });
    else if (RANK[relation] < RANK[existing.relation]) existing.relation = relation;
    this.standIns.set(held, list);
  }
}

const RANK: Record<ProximityRelation, number> = { narrower: 0, broader: 1, related: 2 };
