import { AuditService } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { CANDIDATES_SQL } from '@app/candidates';
import { Employers } from '@app/employers';
import { actorOf, assertOwnOrganisation, type CallContext, type Principal } from '@app/identity';
import type { TaxonomyLanguage } from '@app/taxonomy';
import { VACANCIES_SQL, VacancyNotFoundError } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MatchNotFoundError } from '../matching.errors';
import type { StoredExplanation } from '../results/stored-explanation';
import { MatchLabels } from './match-labels.service';
import type { EmployerMatchView, MatchStatus } from './match-views';

interface Row {
  reference_code: string;
  score: number;
  computed_at: Date;
  explanation: StoredExplanation;
  status: MatchStatus;
}

/** The employer's side: ranked, pseudonymised matches of its own vacancies, and its status per match. */
@Injectable()
export class EmployerMatches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly employers: Employers,
    private readonly labels: MatchLabels,
    private readonly audit: AuditService,
  ) {}

  async list(
    principal: Principal,
    vacancyId: string,
    options: { language: TaxonomyLanguage; status?: MatchStatus },
  ): Promise<EmployerMatchView[]> {
    await this.assertOwnVacancy(this.dataSource.manager, principal, vacancyId);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT c.reference_code, m.score, m.computed_at, m.explanation, coalesce(s.status, 'new') AS status
         FROM matches m JOIN ${CANDIDATES_SQL} c ON c.id = m.candidate_id
         LEFT JOIN match_statuses s ON s.vacancy_id = m.vacancy_id AND s.candidate_id = m.candidate_id
        WHERE m.vacancy_id = $1 AND m.in_vacancy_top
        ORDER BY m.score DESC, m.tie_break, m.candidate_id LIMIT $2`,
      [vacancyId, this.config.matching.topPerVacancy],
    );
    const explanations = await this.labels.render(
      rows.map((row) => row.explanation),
      options.language,
    );
    return rows
      .map((row, index) => ({
        rank: index + 1,
        referenceCode: row.reference_code,
        score: Math.round(row.score * 1000) / 10,
        status: row.status,
        computedAt: row.computed_at,
        explanation: explanations[index],
      }))
      .filter((match) => options.status === undefined || match.status === options.status);
  }

  async setStatus(
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
    status: MatchStatus,
    context: CallContext,
  ): Promise<{ referenceCode: string; status: MatchStatus }> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertOwnVacancy(manager, principal, vacancyId);
      const [match] = await manager.query<{ candidate_id: string }[]>(
        `SELECT m.candidate_id FROM matches m JOIN ${CANDIDATES_SQL} c ON c.id = m.candidate_id
          WHERE m.vacancy_id = $1 AND c.reference_code = $2 AND m.in_vacancy_top`,
        [vacancyId, referenceCode],
      );
      if (!match) throw new MatchNotFoundError(referenceCode);
      await manager.query(
        `INSERT INTO match_statuses (vacancy_id, candidate_id, status, changed_at, changed_by)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (vacancy_id, candidate_id) DO UPDATE
           SET status = EXCLUDED.status, changed_at = now(), changed_by = EXCLUDED.changed_by`,
        [vacancyId, match.candidate_id, status, principal.accountId],
      );
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'match.status_changed',
        target: { type: 'vacancy', id: vacancyId },
        requestId: context.requestId,
        details: { referenceCode, status },
      });
      return { referenceCode, status };
    });
  }

  /** Own organisation's vacancy, and the organisation verified; the vacancy is looked up first. */
  private async assertOwnVacancy(
    manager: EntityManager,
    principal: Principal,
    vacancyId: string,
  ): Promise<void> {
    const [vacancy] = await manager.query<{ organisation_id: string }[]>(
      `SELECT organisation_id FROM ${VACANCIES_SQL} v WHERE id = $1`,
      [vacancyId],
    );
    if (!vacancy) throw new VacancyNotFoundError(vacancyId);
    assertOwnOrganisation(principal, vacancy.organisation_id);
    await this.employers.assertVerified(vacancy.organisation_id);
  }
}
