export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export * from './audit.types';
