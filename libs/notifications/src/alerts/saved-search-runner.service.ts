import { APP_CONFIG, type AppConfig } from '@app/config';
import { JobSearch, TalentSearch } from '@app/discovery';
import { EmployerNotFoundError, EmployerNotVerifiedError } from '@app/employers';
import { Accounts } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationPreferencesService } from '../centre/notification-preferences.service';
import { alertMail, type AlertHit, type SavedSearchKind } from './alert-mails';
import type { SavedJobQuery, SavedTalentQuery } from './saved-searches.service';
import { UnsubscribeLinks } from './unsubscribe-links';

/** The first hits of each run are compared with what was sent; more is for the searcher to page. */
const HITS_PER_RUN = 100;
const SEARCHES_PER_PASS = 100;

interface ActiveSearch {
  id: string;
  account_id: string;
  organisation_id: string | null;
  kind: SavedSearchKind;
  name: string;
  query: Record<string, unknown>;
}

type KeyedHit = AlertHit & { key: string };

export interface AlertRunSummary {
  searches: number;
  mailed: number;
  skipped: number;
}

/**
 * Runs every active saved search and job alert and mails each owner the hits not mailed before.
 * The hits sent are recorded with the mail in one transaction (the saved search row locked), so a
 * hit is never mailed twice, even when two runs overlap or a run is retried.
 */
@Injectable()
export class SavedSearchRunner {
  private readonly logger = new Logger(SavedSearchRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly talent: TalentSearch,
    private readonly jobs: JobSearch,
    private readonly preferences: NotificationPreferencesService,
    private readonly accounts: Accounts,
    private readonly mail: MailOutbox,
    private readonly links: UnsubscribeLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async runAll(): Promise<AlertRunSummary> {
    const summary: AlertRunSummary = { searches: 0, mailed: 0, skipped: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const searches: ActiveSearch[] = await this.dataSource.query(
        `SELECT id, account_id, organisation_id, kind, name, query FROM saved_searches
          WHERE unsubscribed_at IS NULL AND id > $1 ORDER BY id LIMIT $2`,
        [after, SEARCHES_PER_PASS],
      );
      for (const search of searches) {
        summary.searches += 1;
        const hits = await this.hitsOf(search);
        if (hits === null) summary.skipped += 1;
        else if (await this.mailNew(search, hits)) summary.mailed += 1;
      }
      if (searches.length < SEARCHES_PER_PASS) break;
      after = searches[searches.length - 1].id;
    }
    // Counts only: saved searches hold criteria, mails hold addresses; neither belongs in a log.
    this.logger.log(`Saved searches run: ${JSON.stringify(summary)}`);
    return summary;
  }

  /** The search's current hits, or null when its owner may no longer run it. */
  private async hitsOf(search: ActiveSearch): Promise<KeyedHit[] | null> {
    const base = this.config.mail.publicUrl;
    if (search.kind === 'jobs') {
      const query = search.query as unknown as SavedJobQuery;
      const { result } = await this.jobs.search({ ...query, limit: HITS_PER_RUN, offset: 0 });
      return result.items.map((hit) => ({
        key: `vacancy:${hit.id}`,
        label: `${hit.title} — ${hit.employerName} (${hit.placeOfWork.city}, ${hit.placeOfWork.memberState})`,
        link: `${base}${hit.link}`,
      }));
    }
    if (!search.organisation_id) return null;
    const query = search.query as unknown as SavedTalentQuery;
    try {
      const result = await this.talent.searchSaved(
        { accountId: search.account_id, organisationId: search.organisation_id },
        { ...query, facets: [], limit: HITS_PER_RUN, offset: 0 },
      );
      return result.items.map((hit) => ({
        key: `candidate:${hit.referenceCode}`,
        label: [hit.referenceCode, hit.occupations[0]?.label ?? hit.occupations[0]?.uri]
          .filter(Boolean)
          .join(' — '),
        link: `${base}/api/v1/search/talent/profiles/${hit.referenceCode}`,
      }));
    } catch (error) {
      if (error instanceof EmployerNotVerifiedError || error instanceof EmployerNotFoundError) return null;
      throw error;
    }
  }

  private mailNew(search: ActiveSearch, hits: readonly KeyedHit[]): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [locked]: { id: string }[] = await manager.query(
        'SELECT id FROM saved_searches WHERE id = $1 AND unsubscribed_at IS NULL FOR UPDATE SKIP LOCKED',
        [search.id],
      );
      if (!locked) return false;
      await manager.query('UPDATE saved_searches SET last_run_at = now() WHERE id = $1', [search.id]);
      if (hits.length === 0) return false;
      const inserted: { hit_key: string }[] = await manager.query(
        `INSERT INTO saved_search_hits (saved_search_id, hit_key)
         SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING hit_key`,
        [search.id, hits.map((hit) => hit.key)],
      );
      const fresh = new Set(inserted.map((row) => row.hit_key));
      const newHits = hits.filter((hit) => fresh.has(hit.key));
      const to = (await this.accounts.emailsOf(manager, [search.account_id])).get(search.account_id);
      if (newHits.length === 0 || !to) return false;
      const { language } = (await this.preferences.of(manager, [search.account_id])).get(search.account_id)!;
      await this.mail.queue(manager, {
        template: `alerts.${search.kind}`,
        to,
        ...alertMail(search.kind, language, search.name, newHits, this.links.url(search.id)),
      });
      return true;
    });
  }
}
