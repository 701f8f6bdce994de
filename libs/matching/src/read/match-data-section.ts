import { PersonalDataSections, type DataSubject } from '@app/candidates';
import { EMPLOYER_ORGANISATIONS_SQL } from '@app/employers';
import { VACANCIES_SQL } from '@app/vacancies';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { expandExplanation, type StoredExplanation } from '../results/stored-explanation';

/** The candidate's matches in their data export, with each employer's status about them. */
@Injectable()
export class MatchDataSection implements OnModuleInit {
  readonly name = 'matches';

  constructor(private readonly sections: PersonalDataSections) {}

  onModuleInit(): void {
    this.sections.register(this);
  }

  async collect(manager: EntityManager, subject: DataSubject): Promise<unknown[]> {
    if (!subject.candidateId) return [];
    const rows = await manager.query<{ explanation: StoredExplanation }[]>(
      `SELECT m.vacancy_id AS "vacancyId", v.title AS "vacancyTitle", e.name AS "employerName",
              m.score, m.score_version AS "scoreVersion", m.computed_at AS "computedAt",
              m.in_vacancy_top AS "inVacancyRanking", m.in_candidate_top AS "inOwnRanking",
              coalesce(s.status, 'new') AS "employerStatus", m.explanation
         FROM matches m JOIN ${VACANCIES_SQL} v ON v.id = m.vacancy_id
         JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = v.organisation_id
         LEFT JOIN match_statuses s ON s.vacancy_id = m.vacancy_id AND s.candidate_id = m.candidate_id
        WHERE m.candidate_id = $1 ORDER BY m.score DESC`,
      [subject.candidateId],
    );
    return rows.map((row) => ({ ...row, explanation: expandExplanation(row.explanation) }));
  }
}
