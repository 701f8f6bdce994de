import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { MemberStates } from './member-states.service';

@Module({ imports: [AuditModule, QueueModule], providers: [MemberStates], exports: [MemberStates] })
export class MemberStatesModule {}
