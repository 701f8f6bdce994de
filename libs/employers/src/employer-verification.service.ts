import { AuditService } from '@app/audit';
import { actorOf, assertOwnMemberState, type CallContext, type Principal } from '@app/identity';
import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  canTransition,
  lockRegistrationNumber,
  normaliseRegistrationNumber,
  transitionAction,
  type EmployerStatus,
} from './employer-status';
import { EmployerEntity } from './employer.entity';
import { toEmployerView } from './employer.mapper';
import {
  EmployerNotFoundError,
  InvalidEmployerTransitionError,
  RegistrationNumberAlreadyExcludedError,
} from './employers.errors';
import type { EmployerView, ExcludedRegistrationNumber } from './employers.types';
import { ExcludedRegistrationNumberEntity } from './excluded-registration-number.entity';

/**
 * The NCP's side: verification, suspension and removal of the employers of its own Member State,
 * and the registration numbers it excludes after breaches. Each status change re-syncs the
 * employer's vacancies in search through the outbox, so a suspension hides them all at once.
 */
@Injectable()
export class EmployerVerification {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async transition(
    ncp: Principal,
    organisationId: string,
    to: EmployerStatus,
    reason: string,
    context: CallContext,
  ): Promise<EmployerView> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await manager.findOne(EmployerEntity, {
        where: { id: organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!employer) throw new EmployerNotFoundError(organisationId);
      assertOwnMemberState(ncp, employer.countryCode);
      const from = employer.status;
      if (!canTransition(from, to)) throw new InvalidEmployerTransitionError(from, to);
      const changedAt = new Date();
      await manager.update(
        EmployerEntity,
        { id: employer.id },
        { status: to, statusReason: reason, statusChangedAt: changedAt },
      );
      await this.audit.record(manager, {
        actor: actorOf(ncp),
        action: transitionAction(from, to),
        target: { type: 'employer', id: employer.id },
        requestId: context.requestId,
        details: { from, to, reason, memberState: employer.countryCode },
      });
      await this.outbox.add(manager, 'vacancies.sync-employer', { organisationId: employer.id });
      await this.outbox.add(manager, 'events.dispatch', {
        type: 'employer.status_changed',
        eventId: randomUUID(),
        organisationId: employer.id,
        status: to,
      });
      return toEmployerView(await manager.findOneByOrFail(EmployerEntity, { id: employer.id }));
    });
  }

  async exclude(
    ncp: Principal,
    input: { memberState: string; registrationNumber: string; reason: string },
    context: CallContext,
  ): Promise<ExcludedRegistrationNumber> {
    const memberState = input.memberState.toUpperCase();
    assertOwnMemberState(ncp, memberState);
    const registrationNumber = normaliseRegistrationNumber(input.registrationNumber);
    return this.dataSource.transaction(async (manager) => {
      await lockRegistrationNumber(manager, memberState, registrationNumber);
      if (
        await manager.existsBy(ExcludedRegistrationNumberEntity, {
          countryCode: memberState,
          registrationNumber,
        })
      )
        throw new RegistrationNumberAlreadyExcludedError();
      const row = manager.create(ExcludedRegistrationNumberEntity, {
        id: randomUUID(),
        countryCode: memberState,
        registrationNumber,
        reason: input.reason,
        recordedBy: ncp.accountId,
        recordedAt: new Date(),
      });
      await manager.insert(ExcludedRegistrationNumberEntity, row);
      await this.audit.record(manager, {
        actor: actorOf(ncp),
        action: 'employer.registration_number_excluded',
        target: { type: 'excluded_registration_number', id: row.id },
        requestId: context.requestId,
        details: { memberState, reason: input.reason },
      });
      return toExclusion(row);
    });
  }

  async listExclusions(ncp: Principal, memberState: string): Promise<ExcludedRegistrationNumber[]> {
    const code = memberState.toUpperCase();
    assertOwnMemberState(ncp, code);
    const rows = await this.dataSource
      .getRepository(ExcludedRegistrationNumberEntity)
      .find({ where: { countryCode: code }, order: { recordedAt: 'DESC' }, take: 1000 });
    return rows.map(toExclusion);
  }
}

function toExclusion(row: ExcludedRegistrationNumberEntity): ExcludedRegistrationNumber {
  return {
    id: row.id,
    memberState: row.countryCode,
    registrationNumber: row.registrationNumber,
    reason: row.reason,
    recordedAt: row.recordedAt,
  };
}
