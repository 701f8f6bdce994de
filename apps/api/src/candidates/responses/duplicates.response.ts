import type { PossibleDuplicateGroup } from '@app/candidates';
import { ApiProperty } from '@nestjs/swagger';

export class DuplicateCandidateResponse {
  @ApiProperty({ format: 'uuid' })
  candidateId!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ example: 'TP-7KQ2-M9XD' })
  referenceCode!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class PossibleDuplicateGroupResponse {
  @ApiProperty({ example: '+212612345678', description: 'The E.164 number the accounts share' })
  phone!: string;

  @ApiProperty({ type: [DuplicateCandidateResponse], description: 'Oldest first' })
  candidates!: DuplicateCandidateResponse[];
}

export function toDuplicateGroupResponse(group: PossibleDuplicateGroup): PossibleDuplicateGroupResponse {
  return {
    phone: group.phone,
    candidates: group.candidates.map((candidate) => ({
      ...candidate,
      createdAt: candidate.createdAt.toISOString(),
    })),
  };
}
