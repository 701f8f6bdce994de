export { AuditModule } from './audit.module';
export { AuditService, MAX_AUDIT_PAGE_SIZE } from './audit.service';
export * from './audit.types';
