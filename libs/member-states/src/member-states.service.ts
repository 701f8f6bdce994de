import { AuditService } from '@app/audit';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { OutboxService } from '@app/queue';
import type { EmployerEntityType } from '@app/reference-data';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  EntityTypeNotAllowedError,
  InvalidParticipationError,
  MemberStateNotFoundError,
  MemberStateNotParticipatingError,
} from './member-states.errors';
import { participatesOn, participationProblems, type Participation } from './participation';

export interface MemberStateParticipation extends Participation {
  countryCode: string;
  allowedEntityTypes: EmployerEntityType[];
}

export interface ParticipationChange extends Participation {
  allowedEntityTypes: EmployerEntityType[];
  reason: string;
}

interface Row {
  country_code: string;
  participating: boolean;
  notification_date: string | null;
  participation_start_date: string | null;
  withdrawal_date: string | null;
  allowed_entity_types: EmployerEntityType[];
}

const SELECT = `SELECT country_code, participating, to_char(notification_date, 'YYYY-MM-DD') AS notification_date,
  to_char(participation_start_date, 'YYYY-MM-DD') AS participation_start_date,
  to_char(withdrawal_date, 'YYYY-MM-DD') AS withdrawal_date, allowed_entity_types FROM member_states`;

/**
 * Participation of the Member States (the `member_states` reference table): the rules other
 * features check, and the administrators' changes, audited, with the re-indexing they imply.
 */
@Injectable()
export class MemberStates {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async get(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberStateParticipation> {
    const [row] = await manager.query<Row[]>(`${SELECT} WHERE country_code = $1`, [code.toUpperCase()]);
    if (!row) throw new MemberStateNotFoundError(code);
    return fromRow(row);
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
      const [locked] = await manager.query<Row[]>(`${SELECT} WHERE country_code = $1 FOR UPDATE`, [
        code.toUpperCase(),
      ]);
      if (!locked) throw new MemberStateNotFoundError(code);
      const before = fromRow(locked);
      await manager.query(
        `UPDATE member_states SET participating = $2, notification_date = $3, participation_start_date = $4,
           withdrawal_date = $5, allowed_entity_types = $6 WHERE country_code = $1`,
        [
          before.countryCode,
          change.participating,
          change.notificationDate,
          change.participationStartDate,
          change.withdrawalDate,
          change.allowedEntityTypes,
        ],
      );
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

function fromRow(row: Row): MemberStateParticipation {
  return {
    countryCode: row.country_code,
    participating: row.participating,
    notificationDate: row.notification_date,
    participationStartDate: row.participation_start_date,
    withdrawalDate: row.withdrawal_date,
    allowedEntityTypes: row.allowed_entity_types,
  };
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
