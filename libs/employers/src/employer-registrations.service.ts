import { ANONYMOUS_ACTOR, AuditService } from '@app/audit';
import { isoDay } from '@app/common';
import {
  AccountProvisioning,
  actorOf,
  EmailTakenError,
  normaliseEmail,
  type CallContext,
  type Principal,
} from '@app/identity';
import { MailOutbox } from '@app/mail';
import { MemberStates } from '@app/member-states';
import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Not, type DataSource } from 'typeorm';
import { lockRegistrationNumber, normaliseRegistrationNumber } from './employer-status';
import { alreadyRegisteredMail, contactAddressInUseMail } from './employer-mails';
import { EmployerEntity } from './employer.entity';
import { toEmployerView } from './employer.mapper';
import { EmployerAlreadyRegisteredError, RegistrationNumberExcludedError } from './employers.errors';
import type { EmployerRegistration, EmployerRegistrationOutcome } from './employers.types';
import { ExcludedRegistrationNumberEntity } from './excluded-registration-number.entity';

/**
 * Self-registration of an organisation, pending until the NCP of its Member State verifies it.
 * The contact person becomes the organisation's first user (its administrator). A contact address
 * that already has an account registers nothing, and neither does a registration number already
 * registered in the Member State; the contact address is told by mail. The caller gets the same
 * answer in every case, so registration cannot be used to find out who has an account.
 */
@Injectable()
export class EmployerRegistrations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberStates: MemberStates,
    private readonly provisioning: AccountProvisioning,
    private readonly audit: AuditService,
    private readonly mail: MailOutbox,
    private readonly outbox: OutboxService,
  ) {}

  async register(input: EmployerRegistration, context: CallContext): Promise<EmployerRegistrationOutcome> {
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
    try {
      return await this.registerNew(input, memberState, registrationNumber, context);
    } catch (error) {
      const refusal =
        error instanceof EmailTakenError
          ? ('contact_address_in_use' as const)
          : error instanceof EmployerAlreadyRegisteredError
            ? ('registration_number_taken' as const)
            : null;
      if (!refusal) throw error;
      // Rolled back with whatever it had written. Answered like a registration, so that a second
      // attempt cannot tell whether the first one registered, which depends on the contact address.
      const to = normaliseEmail(input.contact.email);
      await this.dataSource.transaction(async (manager) => {
        await this.audit.record(manager, {
          actor: ANONYMOUS_ACTOR,
          action: 'employer.registration_refused',
          requestId: context.requestId,
          details: { memberState, reason: refusal },
        });
        await this.mail.queue(
          manager,
          refusal === 'contact_address_in_use'
            ? contactAddressInUseMail(to, input.legalName, memberState)
            : alreadyRegisteredMail(to, input.legalName, memberState),
        );
      });
      return { outcome: refusal };
    }
  }

  private registerNew(
    input: EmployerRegistration,
    memberState: string,
    registrationNumber: string,
    context: CallContext,
  ): Promise<EmployerRegistrationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // The same organisation registered twice at once: the second waits and finds it registered.
      await lockRegistrationNumber(manager, memberState, registrationNumber);
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
        contactEmail: normaliseEmail(input.contact.email),
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
      await this.outbox.add(manager, 'events.dispatch', {
        type: 'employer.registered',
        eventId: randomUUID(),
        organisationId: employer.id,
      });
      return {
        outcome: 'registered' as const,
        employer: toEmployerView(await manager.findOneByOrFail(EmployerEntity, { id: employer.id })),
        userId: user.id,
      };
    });
  }

  /**
   * An organisation created by an administrator with its first user, invited by mail; it starts
   * pending, like a registered one, until its NCP verifies it.
   */
  async inviteUser(
    admin: Principal,
    input: {
      email: string;
      organisation: { name: string; countryCode: string };
      isOrganisationAdmin: boolean;
    },
    context: CallContext,
  ): Promise<{ organisationId: string; userId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const organisationId = randomUUID();
      await manager.insert(EmployerEntity, {
        id: organisationId,
        name: input.organisation.name,
        countryCode: input.organisation.countryCode.toUpperCase(),
      });
      const user = await this.provisioning.inviteEmployerUser(
        manager,
        { email: input.email, organisationId, isOrganisationAdmin: input.isOrganisationAdmin },
        actorOf(admin),
        context,
      );
      return { organisationId, userId: user.id };
    });
  }
}
