import { CandidateIndexConsistency } from '@app/candidates';
import { MatchConsistency } from '@app/matching';
import { OutboxService } from '@app/queue';
import { compareIndex, MEILI_CLIENT, SearchIndexes, type IndexConsistencySource } from '@app/search';
import { TaxonomyIndexConsistency } from '@app/taxonomy';
import { VacancyIndexConsistency } from '@app/vacancies';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import type { DataSource, EntityManager } from 'typeorm';
import { driftKind, type CompareTotals, type ConsistencyReport, type DriftKind } from './consistency-report';
import { ConsistencyReports } from './consistency-reports.service';

/** Re-match requests recorded per transaction during a repair. */
const REPAIR_BATCH = 500;

export type ProgressListener = (step: string) => void;

/**
 * Compares Postgres with every search index (presence, absence and each document's content
 * fingerprint) and with the match tables (as matching computes them now from a fresh load), and
 * reports drift by kind. With `repair`, it asks the owners' usual jobs, through the outbox, to bring
 * every drifting subject back in line; a later check then finds none. Each owner publishes what its
 * index should hold (`IndexConsistencySource`) and matching publishes its own comparison, so this
 * library reads no other library's tables.
 */
@Injectable()
export class ConsistencyChecker {
  private readonly logger = new Logger(ConsistencyChecker.name);
  private readonly sources: readonly IndexConsistencySource[];

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indexes: SearchIndexes,
    private readonly matches: MatchConsistency,
    private readonly outbox: OutboxService,
    private readonly reports: ConsistencyReports,
    candidates: CandidateIndexConsistency,
    vacancies: VacancyIndexConsistency,
    taxonomy: TaxonomyIndexConsistency,
  ) {
    this.sources = [candidates, vacancies, ...taxonomy.sources];
  }

  async check(
    options: { repair: boolean; store?: boolean },
    progress: ProgressListener = () => undefined,
  ): Promise<ConsistencyReport> {
    const started = Date.now();
    const checkedAt = new Date(started).toISOString();
    const kinds: DriftKind[] = [];
    const totals: CompareTotals = { indexes: [], matches: { vacancies: 0, candidates: 0, stored: 0 } };
    for (const source of this.sources) {
      progress(`comparing the ${source.index} index`);
      const drift = await compareIndex(this.client, this.indexes.uid(source.index), source);
      totals.indexes.push({ index: source.index, expected: drift.expected, indexed: drift.indexed });
      kinds.push(
        driftKind(`${source.index}.missing`, drift.missing),
        driftKind(`${source.index}.stale`, drift.stale),
        driftKind(`${source.index}.outdated`, drift.outdated),
      );
      const drifting = [...drift.missing, ...drift.stale, ...drift.outdated];
      if (options.repair && drifting.length > 0) {
        progress(`repairing ${drifting.length} document(s) of the ${source.index} index`);
        await source.repair(drifting);
      }
    }
    progress('comparing the match tables');
    const matchDrift = await this.matches.check();
    totals.matches = {
      vacancies: matchDrift.vacancies,
      candidates: matchDrift.candidates,
      stored: matchDrift.stored,
    };
    kinds.push(
      driftKind('matches.missing', matchDrift.missing),
      driftKind('matches.stale', matchDrift.stale),
      driftKind('matches.outdated', matchDrift.outdated),
    );
    const { vacancies, candidates } = matchDrift.rematch;
    if (options.repair && vacancies.length + candidates.length > 0) {
      progress(`re-matching ${vacancies.length} vacancies and ${candidates.length} candidates`);
      await this.rematch(vacancies, candidates);
    }
    const report: ConsistencyReport = {
      checkedAt,
      durationMs: Date.now() - started,
      repaired: options.repair,
      drift: kinds.reduce((sum, kind) => sum + kind.count, 0),
      kinds,
      totals,
    };
    if (options.store ?? true) await this.reports.record(report);
    const found = kinds.filter((kind) => kind.count > 0).map((kind) => `${kind.kind} ${kind.count}`);
    if (found.length > 0)
      this.logger.warn(
        `Consistency drift: ${found.join(', ')}${options.repair ? ' (repair requested)' : ''}`,
      );
    else this.logger.log('Consistency check: Postgres, the search indexes and the matches agree');
    return report;
  }

  private async rematch(vacancyIds: readonly string[], candidateIds: readonly string[]): Promise<void> {
    await this.inBatches(vacancyIds, (manager, vacancyId) =>
      this.outbox.add(manager, 'matching.vacancy', { vacancyId }),
    );
    await this.inBatches(candidateIds, (manager, candidateId) =>
      this.outbox.add(manager, 'matching.candidate', { candidateId }),
    );
  }

  private async inBatches(
    ids: readonly string[],
    record: (manager: EntityManager, id: string) => Promise<void>,
  ): Promise<void> {
    for (let start = 0; start < ids.length; start += REPAIR_BATCH) {
      await this.dataSource.transaction(async (manager) => {
        for (const id of ids.slice(start, start + REPAIR_BATCH)) await record(manager, id);
      });
    }
  }
}
