import { ACCOUNT_ROLES, type AccountRole, type AccountView } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

export class AccountResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'amina.k@example.org' })
  email!: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  role!: AccountRole;

  @ApiProperty()
  emailVerified!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Employer users only' })
  organisationId!: string | null;

  @ApiProperty()
  isOrganisationAdmin!: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'FR', description: 'NCP users only' })
  memberState!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export function toAccountResponse(view: AccountView): AccountResponse {
  return {
    id: view.id,
    email: view.email,
    role: view.role,
    emailVerified: view.emailVerified,
    organisationId: view.organisationId,
    isOrganisationAdmin: view.isOrganisationAdmin,
    memberState: view.memberState,
    createdAt: view.createdAt.toISOString(),
  };
}
