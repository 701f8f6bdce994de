import { isoDay } from '@app/common';
import { EMPLOYER_ORGANISATIONS_SQL } from '@app/employers';
import { SearchIndexes, SearchIndexWriter } from '@app/search';
import { ShortageLists, type ShortageCheck } from '@app/shortage-occupations';
import { TaxonomyLookup, type OccupationView } from '@app/taxonomy';
import type { OccupationScope } from '@app/queue';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { LIVE_VACANCY_WHERE } from '../public/live-vacancy';
import { occupationScopeSql } from '../vacancies.sql';
import { VacancyEntity } from '../vacancy.entity';
import { VACANCIES_INDEX_DEFINITION } from './vacancies-index';
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
    private readonly indexes: SearchIndexes,
    private readonly writer: SearchIndexWriter,
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

  /**
   * Rebuilds the whole index through the one rebuild path: a fresh index, live writes mirrored into
   * it, then a swap. Afterwards the vacancies changed since the build started are synced again and
   * those written but no longer live removed, so a change racing with the read of its page is kept.
   */
  async rebuild(): Promise<{ indexed: number }> {
    const { documents } = await this.writer.rebuild<VacancyDocument, Date>({
      definition: VACANCIES_INDEX_DEFINITION,
      pages: () => this.pages(),
      // `updated_at` is the start of the writing transaction, which may commit after this point.
      begin: async () => {
        const [{ since }] = await this.dataSource.query<{ since: Date }[]>(
          `SELECT least(now(), min(xact_start)) AS since FROM pg_stat_activity WHERE datname = current_database()`,
        );
        return since;
      },
      afterSwap: async (since, written) => {
        await this.sync({ sql: 'v.updated_at >= $1', params: [since] });
        const live = new Set(await this.ids({ sql: 'v.id = ANY($1::uuid[])', params: [written] }, true));
        await this.writer.write(
          VACANCIES_INDEX_DEFINITION,
          [],
          written.filter((id) => !live.has(id)),
        );
      },
    });
    return { indexed: documents };
  }

  private async *pages(): AsyncGenerator<VacancyDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        `SELECT v.id FROM vacancies v WHERE v.id > $1 AND ${INDEXABLE} ORDER BY v.id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return;
      yield await this.documents(rows.map((row) => row.id));
      after = rows[rows.length - 1].id;
    }
  }

  /** The documents the index should hold now, page by page (the consistency check reads them). */
  expectedPages(): AsyncGenerator<VacancyDocument[]> {
    return this.pages();
  }

  /** Removes documents whose vacancy no longer exists at all (a sync only knows existing rows). */
  async removeUnknown(ids: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM vacancies v WHERE v.id::text = t.id)`,
      [[...ids]],
    );
    const unknown = rows.map((row) => row.id);
    if (unknown.length > 0) await this.writer.write(VACANCIES_INDEX_DEFINITION, [], unknown);
    return unknown;
  }

  private async sync(scope: Scope): Promise<VacancySyncReport> {
    const all = await this.ids(scope, false);
    const indexable = new Set(await this.ids(scope, true));
    const removed = all.filter((id) => !indexable.has(id));
    const documents = await this.documents([...indexable]);
    await this.writer.write(VACANCIES_INDEX_DEFINITION, documents, removed);
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
