import { isoDay } from '@app/common';
import { EMPLOYER_ORGANISATIONS_SQL } from '@app/employers';
import { MEILI_CLIENT, SearchIndexes, settle } from '@app/search';
import { ShortageLists, type ShortageCheck } from '@app/shortage-occupations';
import { TaxonomyLookup, type OccupationView } from '@app/taxonomy';
import type { OccupationScope } from '@app/queue';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { randomBytes } from 'node:crypto';
import { In, type DataSource } from 'typeorm';
import { LIVE_VACANCY_WHERE } from '../public/live-vacancy';
import { occupationScopeSql } from '../vacancies.sql';
import { VacancyEntity } from '../vacancy.entity';
import { VACANCIES_INDEX, VACANCIES_INDEX_DEFINITION } from './vacancies-index';
import { vacancyDocument, type VacancyDocument } from './vacancy-document';

const BATCH = 1_000;

/** Which vacancies belong in search: the live ones. */
const INDEXABLE = LIVE_VACANCY_WHERE;

type Scope = { sql: string; params: unknown[] };

export interface VacancySyncReport {
  indexed: number;
  removed: number;
}

/**
 * Keeps the vacancies index equal to what Postgres says should be searchable. Every method re-reads
 * the current state, so running one twice, or out of order, ends in the same index.
 */
@Injectable()
export class VacancyIndexer implements OnModuleInit {
  private readonly logger = new Logger(VacancyIndexer.name);

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyLookup,
    private readonly shortages: ShortageLists,
  ) {}

  onModuleInit(): void {
    this.indexes.register(VACANCIES_INDEX_DEFINITION);
  }

  syncVacancy(vacancyId: string): Promise<VacancySyncReport> {
    return this.sync({ sql: 'v.id = $1', params: [vacancyId] });
  }

  syncEmployer(organisationId: string): Promise<VacancySyncReport> {
    return this.sync({ sql: 'v.organisation_id = $1', params: [organisationId] });
  }

  syncMemberState(memberState: string): Promise<VacancySyncReport> {
    return this.sync({ sql: 'v.member_state = $1', params: [memberState] });
  }

  /** The vacancies a shortage-list change touches: its occupations, in its Member State or all. */
  syncOccupations(scope: OccupationScope): Promise<VacancySyncReport> {
    return this.sync(occupationScopeSql(scope));
  }

  /** Rebuilds the whole index into a fresh one and swaps it in, so search never sees it half-built. */
  async rebuild(): Promise<{ indexed: number }> {
    const documents = await this.documents(await this.ids({ sql: 'true', params: [] }, true));
    const live = this.indexes.uid(VACANCIES_INDEX);
    const build = `${live}__build_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    try {
      await this.indexes.apply(build, VACANCIES_INDEX_DEFINITION);
      for (let start = 0; start < documents.length; start += BATCH)
        await settle(this.client.index(build).addDocuments(documents.slice(start, start + BATCH)));
      if (!(await this.indexes.exists(live))) await this.indexes.apply(live, VACANCIES_INDEX_DEFINITION);
      await settle(this.client.swapIndexes([{ indexes: [live, build], rename: false }]));
    } finally {
      if (await this.indexes.exists(build)) await settle(this.client.deleteIndex(build));
    }
    this.logger.log(`Vacancies index rebuilt: ${documents.length} documents`);
    return { indexed: documents.length };
  }

  private async sync(scope: Scope): Promise<VacancySyncReport> {
    const all = await this.ids(scope, false);
    const indexable = new Set(await this.ids(scope, true));
    const removed = all.filter((id) => !indexable.has(id));
    const index = this.client.index<VacancyDocument>(this.indexes.uid(VACANCIES_INDEX));
    const documents = await this.documents([...indexable]);
    for (let start = 0; start < documents.length; start += BATCH)
      await settle(index.addDocuments(documents.slice(start, start + BATCH)));
    for (let start = 0; start < removed.length; start += BATCH)
      await settle(index.deleteDocuments(removed.slice(start, start + BATCH)));
    return { indexed: documents.length, removed: removed.length };
  }

  private async ids(scope: Scope, indexableOnly: boolean): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT v.id FROM vacancies v WHERE (${scope.sql})${indexableOnly ? ` AND ${INDEXABLE}` : ''}`,
      scope.params,
    );
    return rows.map((row) => row.id);
  }

  private async documents(ids: string[]): Promise<VacancyDocument[]> {
    if (ids.length === 0) return [];
    const vacancies = await this.dataSource.getRepository(VacancyEntity).findBy({ id: In(ids) });
    const names = new Map(
      (
        await this.dataSource.query<{ id: string; name: string }[]>(
          `SELECT id, name FROM ${EMPLOYER_ORGANISATIONS_SQL} e WHERE id = ANY($1)`,
          [[...new Set(vacancies.map((vacancy) => vacancy.organisationId))]],
        )
      ).map((row) => [row.id, row.name]),
    );
    const occupations = new Map<string, OccupationView | null>();
    const checkers = new Map<string, (occupation: { uri: string; iscoCode: string }) => ShortageCheck>();
    const today = isoDay();
    const documents: VacancyDocument[] = [];
    for (const vacancy of vacancies) {
      if (!occupations.has(vacancy.occupationUri))
        occupations.set(vacancy.occupationUri, await this.taxonomy.findOccupation(vacancy.occupationUri));
      const occupation = occupations.get(vacancy.occupationUri);
      if (!occupation) {
        this.logger.warn(`Vacancy ${vacancy.id} names an occupation the taxonomy no longer has; not indexed`);
        continue;
      }
      if (!checkers.has(vacancy.memberState))
        checkers.set(vacancy.memberState, await this.shortages.checkerFor(vacancy.memberState, today));
      const check = checkers.get(vacancy.memberState)!({
        uri: occupation.uri,
        iscoCode: occupation.iscoCode,
      });
      documents.push(
        vacancyDocument(vacancy, {
          employerName: names.get(vacancy.organisationId) ?? '',
          occupation,
          shortage: {
            inShortage: check.inShortage,
            sector: check.inShortage ? (check.entry?.sectorCode ?? null) : null,
          },
        }),
      );
    }
    return documents;
  }
}
