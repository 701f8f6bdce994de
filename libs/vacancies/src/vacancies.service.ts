import { Employers } from '@app/employers';
import { assertOwnMemberState, assertOwnOrganisation, NotOwnerError, type Principal } from '@app/identity';
import { ReferenceData } from '@app/reference-data';
import { TaxonomyLookup } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  InvalidVacancyError,
  UnknownEscoConceptError,
  VacancyNotEditableError,
  VacancyNotFoundError,
} from './vacancies.errors';
import type { VacancyInput, VacancyView } from './vacancies.types';
import { vacancyFields, vacancyProblems, type VacancyFields } from './vacancy-fields';
import { isEditable } from './vacancy-status';
import { VACANCY_WRITE_LOCK, VacancyEntity } from './vacancy.entity';
import { toVacancyView } from './vacancy.mapper';

/** Drafting and reading vacancies; employer users reach only their organisation's. */
@Injectable()
export class Vacancies {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: Employers,
    private readonly taxonomy: TaxonomyLookup,
    private readonly reference: ReferenceData,
  ) {}

  async createDraft(principal: Principal, input: VacancyInput): Promise<VacancyView> {
    const organisationId = ownOrganisation(principal);
    const employer = await this.employers.getById(organisationId);
    const fields = await this.validated(input, employer.memberState);
    const entity = this.dataSource.manager.create(VacancyEntity, {
      ...fields,
      id: randomUUID(),
      organisationId,
      status: 'draft',
      createdBy: principal.accountId,
    });
    await this.dataSource.manager.insert(VacancyEntity, entity);
    return this.getFor(principal, entity.id);
  }

  async updateDraft(principal: Principal, id: string, input: VacancyInput): Promise<VacancyView> {
    const current = await this.load(id);
    assertOwnOrganisation(principal, current.organisationId);
    const employer = await this.employers.getById(current.organisationId);
    const fields = await this.validated(input, employer.memberState);
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(VacancyEntity, { where: { id }, lock: VACANCY_WRITE_LOCK });
      if (!locked) throw new VacancyNotFoundError(id);
      if (!isEditable(locked.status)) throw new VacancyNotEditableError(locked.status);
      await manager.update(VacancyEntity, { id }, fields);
    });
    return this.getFor(principal, id);
  }

  /** The stored fields of a vacancy input for an organisation, every rule across fields checked. */
  async fieldsFor(organisationId: string, input: VacancyInput): Promise<VacancyFields> {
    const employer = await this.employers.getById(organisationId);
    return this.validated(input, employer.memberState);
  }

  /** Employer users see their organisation's vacancies, NCPs those of their state, administrators all. */
  async getFor(principal: Principal, id: string): Promise<VacancyView> {
    const vacancy = await this.load(id);
    if (principal.role === 'ncp') assertOwnMemberState(principal, vacancy.memberState);
    else assertOwnOrganisation(principal, vacancy.organisationId);
    const employer = await this.employers.getById(vacancy.organisationId);
    return toVacancyView(vacancy, employer.legalName);
  }

  async listOwn(principal: Principal): Promise<VacancyView[]> {
    const organisationId = ownOrganisation(principal);
    const employer = await this.employers.getById(organisationId);
    const rows = await this.dataSource.getRepository(VacancyEntity).find({
      where: { organisationId },
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return rows.map((row) => toVacancyView(row, employer.legalName));
  }

  private async load(id: string): Promise<VacancyEntity> {
    const found = await this.dataSource.getRepository(VacancyEntity).findOneBy({ id });
    if (!found) throw new VacancyNotFoundError(id);
    return found;
  }

  private async validated(input: VacancyInput, employerMemberState: string): Promise<VacancyFields> {
    const problems = vacancyProblems(input, employerMemberState);
    if (problems.length > 0) throw new InvalidVacancyError(problems);
    const unknown = [];
    if (!(await this.taxonomy.findOccupation(input.occupationUri)))
      unknown.push({ field: 'occupationUri', reason: 'unknown ESCO occupation', uri: input.occupationUri });
    const skillUris = (input.skills ?? []).map((skill) => skill.uri);
    for (const uri of await this.taxonomy.unknownSkills(skillUris))
      unknown.push({ field: `skills[${skillUris.indexOf(uri)}].uri`, reason: 'unknown ESCO skill', uri });
    if (unknown.length > 0) throw new UnknownEscoConceptError(unknown);
    const languages = new Set((await this.reference.listLanguages()).map((language) => language.code));
    const unknownLanguages = (input.languages ?? [])
      .map((language, i) => ({ code: language.code.toLowerCase(), i }))
      .filter(({ code }) => !languages.has(code))
      .map(({ i }) => ({ field: `languages[${i}].code`, reason: 'unknown ISO 639-1 language' }));
    if (unknownLanguages.length > 0) throw new InvalidVacancyError(unknownLanguages);
    return vacancyFields(input, employerMemberState);
  }
}

function ownOrganisation(principal: Principal): string {
  if (principal.role !== 'employer' || principal.organisationId === null)
    throw new NotOwnerError('organisation');
  return principal.organisationId;
}
