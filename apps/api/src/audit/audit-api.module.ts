import { AuditModule } from '@app/audit';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

@Module({
  imports: [AuditModule],
  controllers: [AuditController],
})
export class AuditApiModule {}
