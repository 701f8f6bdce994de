import {
  assertOwnMemberState,
  assertOwnOrganisation,
  NotOwnerError,
  OrganisationAccounts,
  type Principal,
} from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isVerified, type EmployerStatus } from './employer-status';
import { EmployerEntity } from './employer.entity';
import { toEmployerView } from './employer.mapper';
import { EmployerNotFoundError, EmployerNotVerifiedError } from './employers.errors';
import type { EmployerView } from './employers.types';

/** Reading employers, and the check every employer-only capability (publish, search, matches) uses. */
@Injectable()
export class Employers {
  constructor(
    @InjectRepository(EmployerEntity) private readonly employers: Repository<EmployerEntity>,
    private readonly accounts: OrganisationAccounts,
  ) {}

  /** Who speaks for the organisation: every enabled colleague, addressed when "the employer" is told something. */
  async accountIdsOf(organisationId: string): Promise<string[]> {
    return (await this.accounts.list(organisationId)).map((account) => account.id);
  }

  async findById(id: string): Promise<EmployerView | null> {
    const found = await this.employers.findOneBy({ id });
    return found && toEmployerView(found);
  }

  async getById(id: string): Promise<EmployerView> {
    const found = await this.findById(id);
    if (!found) throw new EmployerNotFoundError(id);
    return found;
  }

  /** An employer user sees their organisation, an NCP those of its state, an administrator all. */
  async getFor(principal: Principal, id: string): Promise<EmployerView> {
    const employer = await this.getById(id);
    if (principal.role === 'ncp') assertOwnMemberState(principal, employer.memberState);
    else assertOwnOrganisation(principal, employer.id);
    return employer;
  }

  async list(
    principal: Principal,
    filter: { memberState?: string; status?: EmployerStatus },
  ): Promise<EmployerView[]> {
    let memberState = filter.memberState?.toUpperCase();
    if (principal.role === 'ncp') {
      memberState ??= principal.memberState ?? undefined;
      if (memberState) assertOwnMemberState(principal, memberState);
    } else if (principal.role !== 'admin') {
      throw new NotOwnerError('Member State');
    }
    const rows = await this.employers.find({
      // A filter left out is no condition (TypeORM refuses an undefined one).
      where: { ...(memberState ? { countryCode: memberState } : {}), ...(filter.status ? { status: filter.status } : {}) },
      order: { createdAt: 'ASC' },
      take: 500,
    });
    return rows.map(toEmployerView);
  }

  /** Throws unless the organisation is verified: the gate for publishing, searching and matches. */
  async assertVerified(organisationId: string): Promise<void> {
    const found = await this.employers.findOne({
      select: { id: true, status: true },
      where: { id: organisationId },
    });
    if (!found) throw new EmployerNotFoundError(organisationId);
    if (!isVerified(found.status)) throw new EmployerNotVerifiedError();
  }

  /** For employer-facing reads: the caller must be a user of a verified organisation; returns its id. */
  async assertVerifiedEmployer(principal: Principal): Promise<string> {
    if (principal.role !== 'employer' || principal.organisationId === null)
      throw new EmployerNotVerifiedError();
    await this.assertVerified(principal.organisationId);
    return principal.organisationId;
  }
}
