import { withSessionLock } from '@app/database';
import { SearchIndexes, SearchIndexWriter, type SearchIndexDefinition } from '@app/search';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { OccupationEntity } from '../entities/occupation.entity';
import { SkillEntity } from '../entities/skill.entity';
import { CURRENT_TAXONOMY_VERSION_SQL } from '../taxonomy.sql';
import { conceptDocument, type ConceptDocument } from './taxonomy-documents';
import { OCCUPATIONS_INDEX_DEFINITION, SKILLS_INDEX_DEFINITION } from './taxonomy-indexes';
import { TaxonomySearch } from './taxonomy-search.service';

/** Rebuilds of the taxonomy indexes take turns under this lock, whichever process runs them. */
export const TAXONOMY_REBUILD_LOCK = 'taxonomy-index-rebuild';
/** How often a rebuild waiting for another one asks for the lock again. */
const REBUILD_LOCK_POLL_MS = 250;

export interface TaxonomyIndexReport {
  occupations: number;
  skills: number;
}

/**
 * Rebuilds the taxonomy search indexes from Postgres without downtime, through the one rebuild
 * path (a fresh index, then a swap). Running it again just rebuilds the same content; rebuilds
 * take turns (an import's, a repair's, a worker's start-up one), so their swaps never interleave.
 */
@Injectable()
export class TaxonomyIndexer implements OnModuleInit {
  private readonly logger = new Logger(TaxonomyIndexer.name);

  constructor(
    private readonly indexes: SearchIndexes,
    private readonly writer: SearchIndexWriter,
    @InjectRepository(OccupationEntity) private readonly occupations: Repository<OccupationEntity>,
    @InjectRepository(SkillEntity) private readonly skills: Repository<SkillEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly search: TaxonomySearch,
  ) {}

  onModuleInit(): void {
    this.indexes.register(OCCUPATIONS_INDEX_DEFINITION);
    this.indexes.register(SKILLS_INDEX_DEFINITION);
  }

  async rebuild(): Promise<TaxonomyIndexReport> {
    return this.takingTurns(() => this.rebuildNow());
  }

  /**
   * Rebuilds both indexes when Postgres holds an imported release and the search engine serves
   * none of it (an engine that is new, or lost its data, beside a database imported earlier, which
   * no import will index again). Null when the engine serves the taxonomy or nothing was imported.
   * Throws when the engine cannot be reached.
   */
  async rebuildIfUnserved(): Promise<TaxonomyIndexReport | null> {
    return this.takingTurns(async () => {
      if ((await this.search.readiness()).ready) return null;
      const [{ version }] = await this.dataSource.query<{ version: string | null }[]>(
        `SELECT ${CURRENT_TAXONOMY_VERSION_SQL} AS version`,
      );
      if (version === null) return null;
      this.logger.log(`The search engine serves no taxonomy: rebuilding ESCO ${version} from the database`);
      return this.rebuildNow();
    });
  }

  private async takingTurns<T>(work: () => Promise<T>): Promise<T> {
    return withSessionLock(this.dataSource, TAXONOMY_REBUILD_LOCK, REBUILD_LOCK_POLL_MS, work);
  }

  private async rebuildNow(): Promise<TaxonomyIndexReport> {
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
