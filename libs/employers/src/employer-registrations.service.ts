import { ANONYMOUS_ACTOR, AuditService } from '@app/audit';
import { isoDay } from '@app/common';
import { AccountProvisioning, type CallContext } from '@app/identity';
import { MemberStates } from '@app/member-states';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Not, type DataSource } from 'typeorm';
import { normaliseRegistrationNumber } from './employer-status';
import { EmployerEntity } from './employer.entity';
import { toEmployerView } from './employer.mapper';
import { EmployerAlreadyRegisteredError, RegistrationNumberExcludedError } from './employers.errors';
import type { EmployerRegistration, RegisteredEmployer } from './employers.types';
import { ExcludedRegistrationNumberEntity } from './excluded-registration-number.entity';

/**
 * Self-registration of an organisation, pending until the NCP of its Member State verifies it.
 * The contact person becomes the organisation's first user (its administrator).
 */
@Injectable()
export class EmployerRegistrations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberStates: MemberStates,
    private readonly provisioning: AccountProvisioning,
    private readonly audit: AuditService,
  ) {}

  async register(input: EmployerRegistration, context: CallContext): Promise<RegisteredEmployer> {
    const memberState = input.memberState.toUpperCase();
    const registrationNumber = normaliseRegistrationNumber(input.registrationNumber);
    await this.memberStates.assertAcceptsEmployer(memberState, input.entityType, isoDay());
    const excluded = await this.dataSource
      .getRepository(ExcludedRegistrationNumberEntity)
      .existsBy({ countryCode: memberState, registrationNumber });
    if (excluded) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actor: ANONYMOUS_ACTOR,
          action: 'employer.registration_refused',
          requestId: context.requestId,
          details: { memberState, reason: 'excluded_registration_number' },
        }),
      );
      throw new RegistrationNumberExcludedError();
    }
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.existsBy(EmployerEntity, {
        countryCode: memberState,
        registrationNumber,
        status: Not('removed'),
      });
      if (taken) throw new EmployerAlreadyRegisteredError();
      const employer = manager.create(EmployerEntity, {
        id: randomUUID(),
        name: input.legalName,
        countryCode: memberState,
        registrationNumber,
        entityType: input.entityType,
        status: 'pending',
        contactName: input.contact.name,
        contactEmail: input.contact.email.trim().toLowerCase(),
        contactPhone: input.contact.phone ?? null,
        description: input.description,
      });
      await manager.insert(EmployerEntity, employer);
      await this.audit.record(manager, {
        actor: ANONYMOUS_ACTOR,
        action: 'employer.registered',
        target: { type: 'employer', id: employer.id },
        requestId: context.requestId,
        details: { memberState, entityType: input.entityType },
      });
      const user = await this.provisioning.inviteOrganisationAdmin(
        manager,
        { email: input.contact.email, organisationId: employer.id },
        ANONYMOUS_ACTOR,
        context,
      );
      return {
        employer: toEmployerView(await manager.findOneByOrFail(EmployerEntity, { id: employer.id })),
        userId: user.id,
      };
    });
  }
}
