/** One label of a concept, as normalised lexemes with their positions (from PostgreSQL full text). */
export interface LabelLexemes {
  uri: string;
  kind: 'occupation' | 'skill';
  preferred: boolean;
  lexemes: { lexeme: string; position: number }[];
}

export interface LabelMatch {
  uri: string;
  kind: 'occupation' | 'skill';
  /** How specific the matched words are: the sum of their inverse label frequencies. */
  score: number;
  /** Text positions the label covers. */
  span: number[];
}

/** Positions may be off by this much either way (a stop word or an extra word inside the phrase). */
const SLACK = 2;

/**
 * Finds the labels whose words occur in a text as a phrase, in order, allowing small gaps. A label
 * contained in a longer matched label (`metal` inside `weld metal parts`) is dropped; a concept keeps
 * its best label.
 */
export class LabelMatcher {
  private readonly byFirst = new Map<string, LabelLexemes[]>();
  private readonly frequency = new Map<string, number>();
  private readonly labels: number;

  constructor(labels: readonly LabelLexemes[]) {
    this.labels = labels.length;
    for (const label of labels) {
      if (label.lexemes.length === 0) continue;
      const sorted = [...label.lexemes].sort((a, b) => a.position - b.position);
      const normalised = { ...label, lexemes: sorted };
      const first = sorted[0].lexeme;
      const list = this.byFirst.get(first) ?? [];
      list.push(normalised);
      this.byFirst.set(first, list);
      for (const lexeme of new Set(sorted.map((entry) => entry.lexeme)))
        this.frequency.set(lexeme, (this.frequency.get(lexeme) ?? 0) + 1);
    }
  }

  get size(): number {
    return this.labels;
  }

  /** Inverse label frequency: a word in few labels says more than one in many. */
  private weight(lexeme: string): number {
    return Math.log((this.labels + 1) / ((this.frequency.get(lexeme) ?? 0) + 1));
  }

  /**
   * `minShare` is the least score kept, as a share of the weight of a word found in a single label,
   * so that the floor means the same in a dictionary of any size.
   */
  match(text: readonly { lexeme: string; position: number }[], minShare: number): LabelMatch[] {
    const minScore = minShare * Math.log((this.labels + 1) / 2);
    const positions = new Map<string, number[]>();
    for (const { lexeme, position } of text)
      positions.set(lexeme, [...(positions.get(lexeme) ?? []), position]);
    const found: LabelMatch[] = [];
    for (const [lexeme, starts] of positions) {
      for (const label of this.byFirst.get(lexeme) ?? []) {
        for (const start of starts) {
          const span = this.spanOf(label, start, positions);
          if (!span) continue;
          const score =
            label.lexemes.reduce((sum, entry) => sum + this.weight(entry.lexeme), 0) *
            (label.preferred ? 1 : 0.9);
          if (score >= minScore) found.push({ uri: label.uri, kind: label.kind, score, span });
          break;
        }
      }
    }
    return keepOutermost(found);
  }

  private spanOf(label: LabelLexemes, start: number, positions: Map<string, number[]>): number[] | null {
    const base = label.lexemes[0].position;
    const span = [start];
    for (const entry of label.lexemes.slice(1)) {
      const expected = start + entry.position - base;
      const hit = (positions.get(entry.lexeme) ?? []).find(
        (position) => position > span[span.length - 1] - 1 && Math.abs(position - expected) <= SLACK,
      );
      if (hit === undefined) return null;
      span.push(hit);
    }
    return span;
  }
}

/** Longest phrases first; a match whose every position a kept match already covers is dropped. */
function keepOutermost(matches: LabelMatch[]): LabelMatch[] {
  const ordered = [...matches].sort((a, b) => b.span.length - a.span.length || b.score - a.score);
  const kept: LabelMatch[] = [];
  const best = new Map<string, LabelMatch>();
  for (const match of ordered) {
    const covered = kept.some(
      (other) =>
        other.span.length > match.span.length &&
        match.span.every((position) => other.span.includes(position)),
    );
    if (covered) continue;
    kept.push(match);
    const previous = best.get(match.uri);
    if (!previous || previous.score < match.score) best.set(match.uri, match);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
