import type {
  AppliedCountryChange,
  CountryImpactPreview,
  MatchesImpact,
  StatusChangeResult,
  StatusHistoryEntry,
  VisibilityChange,
} from '@app/partner-country-administration';
import { PARTNER_COUNTRY_STATUSES, type PartnerCountryStatus } from '@app/partner-countries';
import { ApiProperty } from '@nestjs/swagger';

const VISIBILITY = ['hidden', 'restored', 'none'];

export class MatchesImpactResponse {
  @ApiProperty({
    enum: ['removed', 'restored', 'none'],
    description:
      'removed: a suspension deletes these stored matches; restored: lifting re-matches candidates',
  })
  effect!: MatchesImpact['effect'];
  @ApiProperty({ description: 'False for a lifting: what it restores is known only after re-matching' })
  computed!: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Stored matches removed (null, not zero, when not computed)',
  })
  affected!: number | null;
  @ApiProperty({ description: 'Candidates whose matches are removed, or who return to matching' })
  candidates!: number;
  @ApiProperty({ required: false }) reason?: string;
}

export class ImpactPreviewResponse {
  @ApiProperty({ example: 'MA' }) countryCode!: string;
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) currentStatus!: PartnerCountryStatus;
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) proposedStatus!: PartnerCountryStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ enum: VISIBILITY }) visibility!: VisibilityChange;
  @ApiProperty({ description: 'Active profiles residing in or citizens of the country' })
  activeProfiles!: number;
  @ApiProperty({ description: 'Profiles that would leave or return to search and matching' })
  profilesAffected!: number;
  @ApiProperty({ type: MatchesImpactResponse }) matches!: MatchesImpactResponse;

  static from(preview: CountryImpactPreview): ImpactPreviewResponse {
    return { ...preview, matches: { ...preview.matches } };
  }
}

export class AppliedChangeResponse {
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) before!: PartnerCountryStatus;
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) after!: PartnerCountryStatus;
  @ApiProperty({ enum: VISIBILITY }) visibility!: VisibilityChange;
  @ApiProperty() profilesAffected!: number;
  @ApiProperty() candidatesNotified!: number;

  static from(change: AppliedCountryChange): AppliedChangeResponse {
    return {
      before: change.before,
      after: change.after,
      visibility: change.visibility,
      profilesAffected: change.profilesAffected,
      candidatesNotified: change.candidatesNotified,
    };
  }
}

export class StatusChangeResponse {
  @ApiProperty() countryCode!: string;
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) status!: PartnerCountryStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({
    type: AppliedChangeResponse,
    nullable: true,
    description: 'Null when the change is dated in the future, or changes nothing today',
  })
  applied!: AppliedChangeResponse | null;

  static from(result: StatusChangeResult): StatusChangeResponse {
    return { ...result, applied: result.applied && AppliedChangeResponse.from(result.applied) };
  }
}

export class StatusHistoryResponse {
  @ApiProperty({ enum: PARTNER_COUNTRY_STATUSES }) status!: PartnerCountryStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;

  static from(entry: StatusHistoryEntry): StatusHistoryResponse {
    return { ...entry, recordedAt: entry.recordedAt.toISOString() };
  }
}
