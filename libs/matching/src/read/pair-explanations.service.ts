import type { TaxonomyLanguage } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredExplanation } from '../results/stored-explanation';
import { scoreMatch } from '../scoring/score-match';
import { SkillSpace } from '../scoring/skill-space';
import { FeatureLoader } from '../store/feature-loader';
import { MatchingFeatures } from '../store/matching-features.service';
import { MatchLabels } from './match-labels.service';
import type { ExplanationView } from './match-views';

export interface PairExplanation {
  /** 0–100. */
  score: number;
  /** Whether the pair is among the stored matches, or was scored on the spot. */
  stored: boolean;
  explanation: ExplanationView;
}

/**
 * The explanation of one (vacancy, candidate) pair: the stored one when the pair is among the
 * matches, otherwise scored on the spot with the same function the engine uses. Null when a hard
 * rule excludes the pair or nothing relates them.
 */
@Injectable()
export class PairExplanations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: FeatureLoader,
    private readonly features: MatchingFeatures,
    private readonly labels: MatchLabels,
  ) {}

  async explain(
    vacancyId: string,
    candidateId: string,
    language: TaxonomyLanguage,
  ): Promise<PairExplanation | null> {
    const [stored] = await this.dataSource.query<{ score: number; explanation: StoredExplanation }[]>(
      'SELECT score, explanation FROM matches WHERE vacancy_id = $1 AND candidate_id = $2',
      [vacancyId, candidateId],
    );
    const scored = stored ?? (await this.score(vacancyId, candidateId));
    if (!scored) return null;
    const [explanation] = await this.labels.render([scored.explanation], language);
    return { score: Math.round(scored.score * 1000) / 10, stored: stored !== undefined, explanation };
  }

  private async score(vacancyId: string, candidateId: string) {
    const [[vacancy], [candidate]] = await Promise.all([
      this.loader.vacanciesByIds([vacancyId]),
      this.loader.candidatesByIds([candidateId]),
    ]);
    if (!vacancy || !candidate) return null;
    const edges = await this.loader.skillEdgesAmong([
      ...vacancy.input.skills.map((skill) => skill.uri),
      ...candidate.input.skills,
    ]);
    return scoreMatch(vacancy.input, candidate.input, this.features.model(new SkillSpace(edges)));
  }
}
