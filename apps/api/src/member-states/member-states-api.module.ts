import { MemberStatesModule } from '@app/member-states';
import { Module } from '@nestjs/common';
import { MemberStatesAdminController } from './member-states.controller';

@Module({ imports: [MemberStatesModule], controllers: [MemberStatesAdminController] })
export class MemberStatesApiModule {}
