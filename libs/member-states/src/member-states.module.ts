import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { ReferenceDataModule } from '@app/reference-data';
import { Module } from '@nestjs/common';
import { MemberStates } from './member-states.service';

@Module({
  imports: [AuditModule, QueueModule, ReferenceDataModule],
  providers: [MemberStates],
  exports: [MemberStates],
})
export class MemberStatesModule {}
