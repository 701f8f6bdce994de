import type { ConsistencyReport } from '@app/consistency';
import { ApiProperty } from '@nestjs/swagger';

export class DriftKindResponse {
  @ApiProperty({
    example: 'candidates.missing',
    description:
      '`<index>.missing|stale|outdated` (candidates, vacancies, occupations, skills) or `matches.missing|stale|outdated`',
  })
  kind!: string;

  @ApiProperty({ minimum: 0 })
  count!: number;

  @ApiProperty({
    type: [String],
    maxItems: 5,
    description:
      'A few ids of the kind: reference codes, vacancy ids, ESCO URIs or `<vacancyId>:<candidateId>`',
  })
  sample!: string[];
}

export class IndexTotalsResponse {
  @ApiProperty({ example: 'candidates' }) index!: string;
  @ApiProperty({ minimum: 0 }) expected!: number;
  @ApiProperty({ minimum: 0 }) indexed!: number;
}

export class MatchTotalsResponse {
  @ApiProperty({ minimum: 0, description: 'Vacancies matchable now (live)' }) vacancies!: number;
  @ApiProperty({ minimum: 0, description: 'Candidates matchable now (eligible)' }) candidates!: number;
  @ApiProperty({ minimum: 0, description: 'Pairs stored in the match tables' }) stored!: number;
}

export class CompareTotalsResponse {
  @ApiProperty({ type: [IndexTotalsResponse] }) indexes!: IndexTotalsResponse[];
  @ApiProperty({ type: MatchTotalsResponse }) matches!: MatchTotalsResponse;
}

export class ConsistencyReportResponse {
  @ApiProperty({ format: 'date-time' }) checkedAt!: string;
  @ApiProperty({ minimum: 0 }) durationMs!: number;
  @ApiProperty({ description: 'Whether the check recorded the jobs that repair what it found' })
  repaired!: boolean;
  @ApiProperty({ minimum: 0, description: 'Sum of every kind’s count: 0 when everything agrees' })
  drift!: number;
  @ApiProperty({ type: [DriftKindResponse] }) kinds!: DriftKindResponse[];
  @ApiProperty({ type: CompareTotalsResponse }) totals!: CompareTotalsResponse;
}

export class LastConsistencyReportResponse {
  @ApiProperty({
    type: ConsistencyReportResponse,
    nullable: true,
    description: 'The last check’s report, or null before the first check',
  })
  report!: ConsistencyReportResponse | null;
}

export function toReportResponse(report: ConsistencyReport | null): LastConsistencyReportResponse {
  if (!report) return { report: null };
  const { checkedAt, durationMs, repaired, drift, kinds, totals } = report;
  return {
    report: {
      checkedAt,
      durationMs,
      repaired,
      drift,
      kinds: kinds.map(({ kind, count, sample }) => ({ kind, count, sample })),
      totals: {
        indexes: totals.indexes.map(({ index, expected, indexed }) => ({ index, expected, indexed })),
        matches: { ...totals.matches },
      },
    },
  };
}

export class ConsistencyCheckRequestedResponse {
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
  @ApiProperty() repair!: boolean;
}
