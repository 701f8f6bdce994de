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
  /**
   * How common skills are in ESCO's occupation profiles: how many occupations have a profile, and
   * for a skill how many list it. Without it every skill weighs the same.
   */
  profiles?: { occupations: number; listing: readonly (readonly [string, number])[] };
}

/**
 * ESCO skills as small integers, with the proximity map computed once per taxonomy version: for a
 * skill a candidate holds, which other skills it can stand in for, and through which relation;
 * and how rare each skill is across ESCO's occupation profiles.
 */
export class SkillSpace {
  private readonly ids = new Map<string, number>();
  private readonly uris: string[] = [];
  private readonly standIns = new Map<number, StandIn[]>();
  private readonly rarities = new Map<number, number>();
  /** The rarity of a skill no occupation profile lists. */
  private readonly unlisted: number;

  constructor(edges: SkillEdges = { broader: [], related: [] }) {
    const occupations = edges.profiles?.occupations ?? 0;
    this.unlisted = occupations > 0 ? Math.log(1 + occupations) : 1;
    if (occupations > 0)
      for (const [uri, listing] of edges.profiles!.listing)
        this.rarities.set(this.id(uri), Math.log(1 + occupations / Math.max(1, listing)));
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

  /**
   * How rare the skill is across ESCO's occupation profiles, log(1 + occupations / occupations
   * listing it), as inverse document frequency is: a skill few occupations ask for tells more about
   * a person than one most ask for. 1 for every skill when the space has no profile counts.
   */
  rarity(id: number): number {
    return this.rarities.get(id) ?? this.unlisted;
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
