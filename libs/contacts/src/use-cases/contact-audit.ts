import type { AuditActor, AuditService } from '@app/audit';
import type { CallContext } from '@app/identity';
import type { EntityManager } from 'typeorm';
import type { ContactRow } from '../store/contact.repository';

/**
 * One audit event per step, in the step's transaction. The candidate id sits in the details so
 * that erasure anonymises the event with the rest of the person's trail.
 */
export function auditStep(
  audit: AuditService,
  manager: EntityManager,
  actor: AuditActor,
  action: string,
  contact: Pick<ContactRow, 'id' | 'vacancyId' | 'organisationId' | 'candidateId'>,
  context: CallContext,
  details: Record<string, unknown> = {},
): Promise<void> {
  return audit.record(manager, {
    actor,
    action,
    target: { type: 'contact', id: contact.id },
    requestId: context.requestId,
    details: {
      vacancyId: contact.vacancyId,
      organisationId: contact.organisationId,
      candidateId: contact.candidateId,
      ...details,
    },
  });
}
