import { COLLEAGUE_ROLES, type ColleagueRole, type ColleagueView } from '@app/employers';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, MaxLength } from 'class-validator';

export class InviteColleagueRequest {
  @ApiProperty({ example: 'recruiter@bouw.example.nl', description: 'The colleague’s sign-in address' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: COLLEAGUE_ROLES })
  @IsIn(COLLEAGUE_ROLES)
  role!: ColleagueRole;
}

export class ChangeColleagueRoleRequest {
  @ApiProperty({ enum: COLLEAGUE_ROLES })
  @IsIn(COLLEAGUE_ROLES)
  role!: ColleagueRole;
}

export class ColleagueResponse {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() email!: string;
  @ApiProperty({
    enum: COLLEAGUE_ROLES,
    description:
      'organisation_admin: everything a recruiter does, and manages colleagues. recruiter: works on the ' +
      'organisation’s vacancies, matches, searches, applications and contacts, but does not invite, ' +
      'change roles or remove colleagues',
  })
  role!: ColleagueRole;
  @ApiProperty({ description: 'False until the colleague has chosen a password through the invitation' })
  invitationAccepted!: boolean;
  @ApiProperty({ format: 'date-time' }) since!: string;

  static from(view: ColleagueView): ColleagueResponse {
    return { ...view, since: view.since.toISOString() };
  }
}
