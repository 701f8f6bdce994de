import { isoDay } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  CANDIDATE_OCCUPATIONS_SQL,
  CANDIDATE_SKILLS_SQL,
  CANDIDATES_SQL,
  CandidateNotFoundError,
} from '@app/candidates';
import { EMPLOYER_ORGANISATIONS_SQL, VERIFIED_EMPLOYERS_SQL } from '@app/employers';
import type { Principal } from '@app/identity';
import { ShortageLists, type ShortageCheck } from '@app/shortage-occupations';
import { OCCUPATIONS_SQL, type TaxonomyLanguage } from '@app/taxonomy';
import { VACANCIES_SQL } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { StoredExplanation } from '../results/stored-explanation';
import { MatchLabels } from './match-labels.service';
import type { CandidateMatchView, MatchImprovements } from './match-views';

const IMPROVEMENTS = 10;
const TARGET_LIMIT = 5_000;

interface MatchRow {
  vacancy_id: string;
  title: string;
  employer_name: string;
  occupation_uri: string;
  member_state: string;
  city: string;
  score: number;
  computed_at: Date;
  explanation: StoredExplanation;
}

interface TargetRow {
  member_state: string;
  occupation_uri: string;
  isco_code: string;
  essential: string[];
}

/** The candidate's side: matched vacancies with explanations, and what would raise their matches. */
@Injectable()
export class CandidateMatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly labels: MatchLabels,
    private readonly shortages: ShortageLists,
  ) {}

  async list(principal: Principal, language: TaxonomyLanguage): Promise<CandidateMatchView[]> {
    const candidateId = await this.ownCandidate(principal);
    const rows = await this.dataSource.query<MatchRow[]>(
      `SELECT v.id AS vacancy_id, v.title, e.name AS employer_name, v.occupation_uri, v.member_state, v.city,
              m.score, m.computed_at, m.explanation
         FROM matches m JOIN ${VACANCIES_SQL} v ON v.id = m.vacancy_id
         JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = v.organisation_id
        WHERE m.candidate_id = $1 AND m.in_candidate_top AND v.status = 'published'
        ORDER BY m.score DESC, m.tie_break, v.id LIMIT $2`,
      [candidateId, this.config.matching.topPerCandidate],
    );
    const [explanations, occupation] = await Promise.all([
      this.labels.render(
        rows.map((row) => row.explanation),
        language,
      ),
      this.labels.occupationLabeller(
        rows.map((row) => row.occupation_uri),
        language,
      ),
    ]);
    return rows.map((row, index) => ({
      rank: index + 1,
      vacancyId: row.vacancy_id,
      title: row.title,
      employerName: row.employer_name,
      occupation: occupation(row.occupation_uri),
      placeOfWork: { memberState: row.member_state.trim(), city: row.city },
      score: Math.round(row.score * 1000) / 10,
      computedAt: row.computed_at,
      explanation: explanations[index],
    }));
  }

  /**
   * The essential skills the candidate lacks that recur most across open vacancies in shortage
   * occupations they could target: same ISCO minor group as one of their occupations, or matched.
   */
  async improvements(principal: Principal, language: TaxonomyLanguage): Promise<MatchImprovements> {
    const candidateId = await this.ownCandidate(principal);
    const targets = await this.dataSource.query<TargetRow[]>(
      `WITH groups AS (
         SELECT DISTINCT left(o.isco_code, 3) AS g FROM ${CANDIDATE_OCCUPATIONS_SQL} co
           JOIN ${OCCUPATIONS_SQL} o ON o.uri = co.occupation_uri WHERE co.candidate_id = $1)
       SELECT v.member_state, v.occupation_uri, o.isco_code,
              coalesce(array(SELECT s->>'uri' FROM jsonb_array_elements(v.skills) s
                              WHERE s->>'requirement' = 'essential'), '{}') AS essential
         FROM ${VACANCIES_SQL} v JOIN ${OCCUPATIONS_SQL} o ON o.uri = v.occupation_uri
         JOIN ${VERIFIED_EMPLOYERS_SQL} e ON e.id = v.organisation_id
        WHERE v.status = 'published' AND v.expires_at > now()
          AND (left(o.isco_code, 3) IN (SELECT g FROM groups)
               OR v.id IN (SELECT vacancy_id FROM matches WHERE candidate_id = $1))
        ORDER BY v.published_at DESC LIMIT $2`,
      [candidateId, TARGET_LIMIT],
    );
    const held = new Set(
      (
        await this.dataSource.query<{ uri: string }[]>(
          `SELECT skill_uri AS uri FROM ${CANDIDATE_SKILLS_SQL} s WHERE candidate_id = $1`,
          [candidateId],
        )
      ).map((row) => row.uri),
    );
    const checkers = new Map<string, (occupation: { uri: string; iscoCode: string }) => ShortageCheck>();
    const counts = new Map<string, number>();
    let considered = 0;
    for (const target of targets) {
      const state = target.member_state.trim();
      if (!checkers.has(state)) checkers.set(state, await this.shortages.checkerFor(state, isoDay()));
      if (!checkers.get(state)!({ uri: target.occupation_uri, iscoCode: target.isco_code }).inShortage)
        continue;
      considered += 1;
      for (const uri of new Set(target.essential))
        if (!held.has(uri)) counts.set(uri, (counts.get(uri) ?? 0) + 1);
    }
    const best = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, IMPROVEMENTS);
    const label = await this.labels.skillLabeller(
      best.map(([uri]) => uri),
      language,
    );
    return {
      vacanciesConsidered: considered,
      skills: best.map(([uri, vacancies]) => ({ skill: label(uri), vacancies })),
    };
  }

  private async ownCandidate(principal: Principal): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ${CANDIDATES_SQL} c WHERE account_id = $1`,
      [principal.accountId],
    );
    if (!row) throw new CandidateNotFoundError();
    return row.id;
  }
}
