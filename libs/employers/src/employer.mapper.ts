import type { EmployerEntity } from './employer.entity';
import type { EmployerView } from './employers.types';

export function toEmployerView(entity: EmployerEntity): EmployerView {
  return {
    id: entity.id,
    legalName: entity.name,
    memberState: entity.countryCode,
    registrationNumber: entity.registrationNumber,
    entityType: entity.entityType,
    status: entity.status,
    statusReason: entity.statusReason,
    statusChangedAt: entity.statusChangedAt,
    contact:
      entity.contactName && entity.contactEmail
        ? { name: entity.contactName, email: entity.contactEmail, phone: entity.contactPhone }
        : null,
    description: entity.description,
    createdAt: entity.createdAt,
  };
}
