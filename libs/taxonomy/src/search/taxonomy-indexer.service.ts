import { SearchIndexes, SearchIndexWriter, type SearchIndexDefinition } from '@app/search';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { OccupationEntity } from '../entities/occupation.entity';
import { SkillEntity } from '../entities/skill.entity';
import { conceptDocument, type ConceptDocument } from './taxonomy-documents';
import { OCCUPATIONS_INDEX_DEFINITION, SKILLS_INDEX_DEFINITION } from './taxonomy-indexes';

export interface TaxonomyIndexReport {
  occupations: number;
  skills: number;
}

/**
 * Rebuilds the taxonomy search indexes from Postgres without downtime, through the one rebuild
 * path (a fresh index, then a swap). Running it again just rebuilds the same content.
 */
@Injectable()
export class TaxonomyIndexer implements OnModuleInit {
  private readonly logger = new Logger(TaxonomyIndexer.name);

  constructor(
    private readonly indexes: SearchIndexes,
    private readonly writer: SearchIndexWriter,
    @InjectRepository(OccupationEntity) private readonly occupations: Repository<OccupationEntity>,
    @InjectRepository(SkillEntity) private readonly skills: Repository<SkillEntity>,
  ) {}

  onModuleInit(): void {
    this.indexes.register(OCCUPATIONS_INDEX_DEFINITION);
    this.indexes.register(SKILLS_INDEX_DEFINITION);
  }

  async rebuild(): Promise<TaxonomyIndexReport> {
    const [occupationDocuments, skillDocuments] = await Promise.all([
      this.occupationDocuments(),
      this.skillDocuments(),
    ]);
    const [occupations, skills] = [occupationDocuments, skillDocuments];
    await Promise.all([
      this.replace(OCCUPATIONS_INDEX_DEFINITION, occupationDocuments),
      this.replace(SKILLS_INDEX_DEFINITION, skillDocuments),
    ]);
    this.logger.log(`Taxonomy indexes rebuilt: ${occupations.length} occupations, ${skills.length} skills`);
    return { occupations: occupations.length, skills: skills.length };
  }

  /** The occupation documents the index should hold now (the consistency check reads them too). */
  async occupationDocuments(): Promise<ConceptDocument[]> {
    return (await this.occupations.find()).map((occupation) =>
      conceptDocument(occupation, { code: occupation.code, iscoCode: occupation.iscoCode }),
    );
  }

  async skillDocuments(): Promise<ConceptDocument[]> {
    return (await this.skills.find()).map((skill) =>
      conceptDocument(skill, { skillType: skill.skillType, reuseLevel: skill.reuseLevel }),
    );
  }

  private async replace(definition: SearchIndexDefinition, documents: ConceptDocument[]): Promise<void> {
    await this.writer.rebuild({
      definition,
      // eslint-disable-next-line @typescript-eslint/require-await -- the documents are already read
      pages: async function* () {
        yield documents;
      },
    });
  }
}
