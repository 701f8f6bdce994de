import {
  CANDIDATES_SQL,
  CandidateNotFoundError,
  CandidateProfiles,
  type CandidateProfile,
} from '@app/candidates';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { EMPLOYER_ORGANISATIONS_SQL, Employers, type EmployerView } from '@app/employers';
import { Accounts, NotOwnerError, type Principal } from '@app/identity';
import { PublicVacancies, VACANCIES_SQL, VacancyNotFoundError } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { VacancyNotOpenError } from '../contacts.errors';

export interface VacancyFacts {
  id: string;
  title: string;
  organisationId: string;
  organisationName: string;
  memberState: string;
  occupationUri: string;
  contactEmail: string;
}

/**
 * The two sides of a contact and what every use case checks about them: the caller's candidate
 * profile, the caller's verified organisation, the vacancy and whether it is open.
 */
@Injectable()
export class ContactParties {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly profiles: CandidateProfiles,
    private readonly employers: Employers,
    private readonly accounts: Accounts,
    private readonly vacancies: PublicVacancies,
  ) {}

  async ownProfile(principal: Principal): Promise<CandidateProfile> {
    const profile = await this.profiles.findByAccount(principal.accountId);
    if (!profile) throw new CandidateNotFoundError();
    return profile;
  }

  profileById(candidateId: string): Promise<CandidateProfile | null> {
    return this.profiles.findById(candidateId);
  }

  /** What a notice about a contact needs of its candidate, read on the caller's transaction. */
  async candidateParty(
    manager: EntityManager,
    candidateId: string,
  ): Promise<{ accountId: string; referenceCode: string } | null> {
    const [row] = await manager.query<{ accountId: string; referenceCode: string }[]>(
      `SELECT account_id AS "accountId", reference_code AS "referenceCode" FROM ${CANDIDATES_SQL} c WHERE c.id = $1`,
      [candidateId],
    );
    return row ?? null;
  }

  profileByReferenceCode(referenceCode: string): Promise<CandidateProfile | null> {
    return this.profiles.findByReferenceCode(referenceCode);
  }

  /** The caller's organisation, verified as of this request. */
  organisationOf(principal: Principal): Promise<string> {
    return this.employers.assertVerifiedEmployer(principal);
  }

  employer(organisationId: string): Promise<EmployerView> {
    return this.employers.getById(organisationId);
  }

  async vacancy(manager: EntityManager, vacancyId: string): Promise<VacancyFacts> {
    const [row] = await manager.query<VacancyFacts[]>(
      `SELECT v.id, v.title, v.organisation_id AS "organisationId", e.name AS "organisationName",
              v.member_state AS "memberState", v.occupation_uri AS "occupationUri",
              v.contact_email AS "contactEmail"
         FROM ${VACANCIES_SQL} v JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = v.organisation_id
        WHERE v.id = $1`,
      [vacancyId],
    );
    if (!row) throw new VacancyNotFoundError(vacancyId);
    return row;
  }

  /** The vacancy, which must belong to the caller's verified organisation. */
  async ownVacancy(manager: EntityManager, principal: Principal, vacancyId: string): Promise<VacancyFacts> {
    const organisationId = await this.organisationOf(principal);
    const vacancy = await this.vacancy(manager, vacancyId);
    if (vacancy.organisationId !== organisationId) throw new NotOwnerError('vacancy');
    return vacancy;
  }

  async assertOpen(vacancyId: string): Promise<void> {
    if (!(await this.vacancies.isLive(vacancyId))) throw new VacancyNotOpenError();
  }

  async emailOf(manager: EntityManager, accountId: string): Promise<string | null> {
    return (await this.accounts.emailsOf(manager, [accountId])).get(accountId) ?? null;
  }

  /** A page of the web front end (PUBLIC_URL), which picks the reader's language. */
  link(path: string): string {
    return `${this.config.mail.publicUrl}${path}`;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
