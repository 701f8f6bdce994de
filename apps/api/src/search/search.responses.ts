import {
  CARD_SKILLS,
  type CandidateStatistics,
  type Count,
  type FacetCounts,
  type JobHit,
  type JobSearchResult,
  type TalentHit,
  type TalentProfile,
  type TalentSearchResult,
  type TalentSkill,
  type VacancyStatistics,
} from '@app/discovery';
import { ApiProperty } from '@nestjs/swagger';
import { PageResponse } from '../openapi/pagination';

const FACETS = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
  description: 'Per facet attribute, the count of each value among all matches',
} as const;
const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description:
    'Public view: categories with fewer than 10 members are left out (key and all), the others are ' +
    'rounded to the nearest multiple of 10. Admin view: every category, exact',
} as const;

class ProfileFields {
  @ApiProperty({ example: 'TP-7K2M-9QXD', description: 'The only handle on a candidate before consent' })
  referenceCode!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) occupations!: TalentHit['occupations'];
  @ApiProperty({ type: [String] }) sectors!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) languages!: TalentHit['languages'];
  @ApiProperty({ type: Number, nullable: true }) maxEqfLevel!: number | null;
  @ApiProperty() yearsOfExperience!: number;
  @ApiProperty() residenceCountry!: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  programme!: TalentHit['programme'];
  @ApiProperty({ type: [String] }) preferredMemberStates!: string[];
  @ApiProperty({ type: String, nullable: true }) availableFrom!: string | null;
  @ApiProperty() updatedAt!: string;
}

export class TalentHitResponse extends ProfileFields implements TalentHit {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: `Up to ${CARD_SKILLS} skills: the matched ones first, then the strongest`,
  })
  topSkills!: TalentSkill[];
  @ApiProperty({ description: 'All skills on the profile; the profile view lists them' }) skillCount!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Skills matched by the text (with character ranges to highlight) or by a skill filter',
  })
  matchedSkills!: TalentHit['matchedSkills'];
}

export class TalentProfileResponse extends ProfileFields implements TalentProfile {
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Strongest first' })
  skills!: TalentSkill[];
}

export class TalentSearchResponse extends PageResponse(TalentHitResponse) implements TalentSearchResult {
  @ApiProperty(FACETS) facets!: FacetCounts;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'object' } })
  facetStats!: TalentSearchResult['facetStats'];
}

class JobHitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'The opening of the description' }) summary!: string;
  @ApiProperty({
    example: '/api/v1/jobs/5a1e0000-0000-4000-8000-0000000000a1',
    description: 'The public vacancy page',
  })
  link!: string;
  @ApiProperty() employerName!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'uri, iscoCode and labels (en, fr, es)',
  })
  occupation!: JobHit['occupation'];
  @ApiProperty({ type: String, nullable: true }) sector!: string | null;
  @ApiProperty() inShortage!: boolean;
  @ApiProperty() contributesToCompetitiveness!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'memberState, city and region' })
  placeOfWork!: JobHit['placeOfWork'];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  languages!: JobHit['languages'];
  @ApiProperty({ type: String, nullable: true }) contractType!: string | null;
  @ApiProperty({ type: Number, nullable: true }) hoursPerWeek!: number | null;
  @ApiProperty({ type: 'integer' }) numberOfPosts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) startDate!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) pay!: JobHit['pay'];
  @ApiProperty({ type: Number, nullable: true }) minEqfLevel!: number | null;
  @ApiProperty({ type: Number, nullable: true }) minExperienceYears!: number | null;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() expiresAt!: string;
}

export class JobSearchResponse extends PageResponse(JobHitResponse) implements JobSearchResult {
  @ApiProperty(FACETS) facets!: FacetCounts;
}

class Published {
  @ApiProperty({ enum: ['public', 'admin'] }) view!: 'public' | 'admin';
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 10,
    description: 'Public view: smaller categories are left out and smaller totals are null; admin view: null',
  })
  suppressedBelow!: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 10,
    description:
      'Public view: every figure, totals included, is rounded to a multiple of this; admin view: null',
  })
  roundedTo!: number | null;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Public view: rounded, null when below 10' })
  count!: Count;
}

export class CandidateStatisticsResponse extends Published implements CandidateStatistics {
  @ApiProperty({ enum: ['occupation', 'sector'] }) groupBy!: CandidateStatistics['groupBy'];
  @ApiProperty(COUNTS) byResidenceCountry!: Record<string, number>;
  @ApiProperty(COUNTS) byLanguageLevel!: Record<string, number>;
  @ApiProperty(COUNTS) byAvailability!: CandidateStatistics['byAvailability'];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Each group: `key` (an ESCO occupation URI or a sector code) and its breakdown; grouped by occupation, ' +
      'also `label` and `labelLanguage`: the occupation’s label in the reader’s language (`lang`; ar reads en)',
  })
  groups!: CandidateStatistics['groups'];
}

export class VacancyStatisticsResponse extends Published implements VacancyStatistics {
  @ApiProperty(COUNTS) byMemberState!: Record<string, number>;
  @ApiProperty(COUNTS) bySector!: Record<string, number>;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Each occupation: `occupationUri`, `label` and `labelLanguage` (its label in the reader’s language, `lang`; ' +
      'ar reads en), `count` and `byMemberState`',
  })
  occupations!: VacancyStatistics['occupations'];
}
