import { AuditService } from '@app/audit';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { OutboxService } from '@app/queue';
import { MemberStateRecords, participatesOn, type EmployerEntityType } from '@app/reference-data';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EntityTypeNotAllowedError,
  InvalidParticipationError,
  MemberStateNotFoundError,
  MemberStateNotParticipatingError,
} from './member-states.errors';
import { participationProblems, type Participation } from './participation';

export interface MemberStateParticipation extends Participation {
  countryCode: string;
  allowedEntityTypes: EmployerEntityType[];
}

export interface ParticipationChange extends Participation {
  allowedEntityTypes: EmployerEntityType[];
  reason: string;
}

/**
 * Participation administration: the settings' rules, the checks other features make, and the
 * administrators' changes, audited, with the re-indexing they imply. The rows and the rule "takes
 * part on a day" belong to reference-data.
 */
@Injectable()
export class MemberStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: MemberStateRecords,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async get(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberStateParticipation> {
    const found = await this.records.find(code, { manager });
    if (!found) throw new MemberStateNotFoundError(code);
    return found;
  }

  async participatesOn(code: string, date: string): Promise<boolean> {
    return participatesOn(await this.get(code), date);
  }

  /** Employers may register only in a state that participates and allows their entity type. */
  async assertAcceptsEmployer(code: string, entityType: EmployerEntityType, date: string): Promise<void> {
    const state = await this.get(code);
    if (!participatesOn(state, date)) throw new MemberStateNotParticipatingError(state.countryCode, date);
    if (!state.allowedEntityTypes.includes(entityType))
      throw new EntityTypeNotAllowedError(state.countryCode, entityType);
  }

  async assertParticipatesOn(code: string, date: string): Promise<void> {
    if (!(await this.participatesOn(code, date)))
      throw new MemberStateNotParticipatingError(code.toUpperCase(), date);
  }

  async changeParticipation(
    admin: Principal,
    code: string,
    change: ParticipationChange,
    context: CallContext,
  ): Promise<MemberStateParticipation> {
    const problems = participationProblems(change);
    if (problems.length > 0) throw new InvalidParticipationError(problems);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.records.find(code, { manager, forUpdate: true });
      if (!before) throw new MemberStateNotFoundError(code);
      await this.records.update(manager, before.countryCode, change);
      const after = await this.get(before.countryCode, manager);
      await this.audit.record(manager, {
        actor: actorOf(admin),
        action: 'member_state.participation_changed',
        target: { type: 'member_state', id: before.countryCode },
        requestId: context.requestId,
        details: { before: withoutCode(before), after: withoutCode(after), reason: change.reason },
      });
      await this.outbox.add(manager, 'vacancies.sync-member-state', { memberState: before.countryCode });
      return after;
    });
  }
}

function withoutCode(state: MemberStateParticipation): Participation {
  return {
    participating: state.participating,
    notificationDate: state.notificationDate,
    participationStartDate: state.participationStartDate,
    withdrawalDate: state.withdrawalDate,
    allowedEntityTypes: state.allowedEntityTypes,
  };
}
