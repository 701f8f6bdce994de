import {
  labelIn,
  TAXONOMY_LANGUAGES,
  type ConceptHit,
  type ConceptSearchPage,
  type IscoGroupNode,
  type OccupationSkillsView,
  type OccupationView,
  type RelatedSkillView,
  type SkillView,
  type TaxonomyLanguage,
  type TaxonomyVersionView,
} from '@app/taxonomy';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageResponse } from '../openapi/pagination';

export class ConceptHitResponse {
  @ApiProperty() uri!: string;
  @ApiProperty({ description: 'Preferred label in the requested language (English if it has none)' })
  label!: string;
  @ApiProperty({ enum: TAXONOMY_LANGUAGES }) language!: TaxonomyLanguage;
  @ApiProperty({ type: [String] }) altLabels!: string[];
  @ApiProperty() obsolete!: boolean;
  @ApiPropertyOptional({ example: '2221' }) iscoCode?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) code?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) skillType?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reuseLevel?: string | null;

  static from(hit: ConceptHit): ConceptHitResponse {
    return Object.assign(new ConceptHitResponse(), hit);
  }
}

export class ConceptSearchResponse extends PageResponse(ConceptHitResponse) {
  static from(page: ConceptSearchPage): ConceptSearchResponse {
    return Object.assign(new ConceptSearchResponse(), {
      ...page,
      items: page.items.map((hit) => ConceptHitResponse.from(hit)),
    });
  }
}

class TaxonomyConceptResponse {
  @ApiProperty() uri!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: TAXONOMY_LANGUAGES }) language!: TaxonomyLanguage;
  @ApiProperty({ type: [String] }) altLabels!: string[];
  @ApiProperty({ description: 'Preferred labels in every language the taxonomy has' })
  labels!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() obsolete!: boolean;
}

export class OccupationResponse extends TaxonomyConceptResponse {
  @ApiProperty({ nullable: true, type: String, example: '7212.1' }) code!: string | null;
  @ApiProperty({ example: '7212' }) iscoCode!: string;

  static from(view: OccupationView, language: TaxonomyLanguage): OccupationResponse {
    return Object.assign(new OccupationResponse(), {
      uri: view.uri,
      ...labelIn(view.preferredLabels, view.altLabels, language),
      labels: view.preferredLabels,
      description: view.description,
      obsolete: view.obsolete,
      code: view.code,
      iscoCode: view.iscoCode,
    });
  }
}

export class SkillResponse extends TaxonomyConceptResponse {
  @ApiProperty({ nullable: true, type: String, example: 'skill/competence' }) skillType!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'sector-specific' }) reuseLevel!: string | null;

  static from(view: SkillView, language: TaxonomyLanguage): SkillResponse {
    return Object.assign(new SkillResponse(), {
      uri: view.uri,
      ...labelIn(view.preferredLabels, view.altLabels, language),
      labels: view.preferredLabels,
      description: view.description,
      obsolete: view.obsolete,
      skillType: view.skillType,
      reuseLevel: view.reuseLevel,
    });
  }
}

export class RelatedSkillResponse {
  @ApiProperty() uri!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: TAXONOMY_LANGUAGES }) language!: TaxonomyLanguage;
  @ApiProperty({ nullable: true, type: String }) skillType!: string | null;
  @ApiProperty({ enum: ['essential', 'optional'] }) relationType!: 'essential' | 'optional';

  static from(view: RelatedSkillView, language: TaxonomyLanguage): RelatedSkillResponse {
    const { label, language: actual } = labelIn(view.preferredLabels, view.altLabels, language);
    return Object.assign(new RelatedSkillResponse(), {
      uri: view.uri,
      label,
      language: actual,
      skillType: view.skillType,
      relationType: view.relationType,
    });
  }
}

export class OccupationSkillsResponse {
  @ApiProperty({ type: OccupationResponse }) occupation!: OccupationResponse;
  @ApiProperty({ type: [RelatedSkillResponse] }) essential!: RelatedSkillResponse[];
  @ApiProperty({ type: [RelatedSkillResponse] }) optional!: RelatedSkillResponse[];

  static from(view: OccupationSkillsView, language: TaxonomyLanguage): OccupationSkillsResponse {
    return Object.assign(new OccupationSkillsResponse(), {
      occupation: OccupationResponse.from(view.occupation, language),
      essential: view.essential.map((skill) => RelatedSkillResponse.from(skill, language)),
      optional: view.optional.map((skill) => RelatedSkillResponse.from(skill, language)),
    });
  }
}

export class IscoGroupResponse {
  @ApiProperty({ example: '2221' }) code!: string;
  @ApiProperty() uri!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: TAXONOMY_LANGUAGES }) language!: TaxonomyLanguage;
  @ApiProperty({ type: () => [IscoGroupResponse] }) children!: IscoGroupResponse[];

  static from(node: IscoGroupNode, language: TaxonomyLanguage): IscoGroupResponse {
    const { label, language: actual } = labelIn(node.preferredLabels, {}, language);
    return Object.assign(new IscoGroupResponse(), {
      code: node.code,
      uri: node.uri,
      label,
      language: actual,
      children: node.children.map((child) => IscoGroupResponse.from(child, language)),
    });
  }
}

export class TaxonomyVersionResponse {
  @ApiProperty({ example: 'v1.1.1' }) version!: string;
  @ApiProperty() importedAt!: Date;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) rowCounts!: Record<
    string,
    number
  >;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) skipped!: Record<string, number>;
  @ApiProperty({ example: 'This service uses the ESCO classification of the European Commission.' })
  attribution!: string;

  static from(view: TaxonomyVersionView): TaxonomyVersionResponse {
    return Object.assign(new TaxonomyVersionResponse(), {
      ...view,
      attribution: 'This service uses the ESCO classification of the European Commission.',
    });
  }
}
