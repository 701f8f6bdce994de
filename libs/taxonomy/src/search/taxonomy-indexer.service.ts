import { MEILI_CLIENT, SearchIndexes, settle, type SearchIndexDefinition } from '@app/search';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import { OccupationEntity } from '../entities/occupation.entity';
import { SkillEntity } from '../entities/skill.entity';
import { conceptDocument, type ConceptDocument } from './taxonomy-documents';
import { OCCUPATIONS_INDEX_DEFINITION, SKILLS_INDEX_DEFINITION } from './taxonomy-indexes';

const BATCH_DOCUMENTS = 5_000;

export interface TaxonomyIndexReport {
  occupations: number;
  skills: number;
}

/**
 * Rebuilds the taxonomy search indexes from Postgres without downtime: documents go into a fresh
 * index that is then swapped with the live one. Each run builds its own index, so two runs at
 * once cannot mix documents, and running it again just rebuilds the same content.
 */
@Injectable()
export class TaxonomyIndexer implements OnModuleInit {
  private readonly logger = new Logger(TaxonomyIndexer.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
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
    const live = this.indexes.uid(definition.name);
    const build = `${live}__build_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    try {
      await this.indexes.apply(build, definition);
      const tasks = [];
      for (let start = 0; start < documents.length; start += BATCH_DOCUMENTS) {
        const batch = documents.slice(start, start + BATCH_DOCUMENTS);
        tasks.push(this.client.index(build).addDocuments(batch, { primaryKey: definition.primaryKey }));
      }
      for (const task of tasks) await settle(task);
      if (!(await this.indexes.exists(live))) await this.indexes.apply(live, definition);
      await settle(this.client.swapIndexes([{ indexes: [live, build], rename: false }]));
    } finally {
      // After the swap `build` holds the previous documents; on failure it holds a partial build.
      if (await this.indexes.exists(build)) await settle(this.client.deleteIndex(build));
    }
  }
}
