import type { Page, PageRequest } from '@app/common';
import type { JobQuery, TalentQuery } from '@app/discovery';
import { Employers } from '@app/employers';
import type { Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { InvalidUnsubscribeLinkError, SavedSearchNotFoundError } from '../notifications.errors';
import type { SavedSearchKind } from './alert-mails';
import { UnsubscribeLinks } from './unsubscribe-links';

/** The stored criteria: a search's own fields, without its page window. */
export type SavedTalentQuery = Omit<TalentQuery, 'limit' | 'offset'>;
export type SavedJobQuery = Omit<JobQuery, 'limit' | 'offset'>;

export interface SavedSearchView {
  id: string;
  kind: SavedSearchKind;
  name: string;
  query: Record<string, unknown>;
  active: boolean;
  createdAt: Date;
  lastRunAt: Date | null;
}

interface SavedSearchRow {
  id: string;
  kind: SavedSearchKind;
  name: string;
  query: Record<string, unknown>;
  unsubscribed_at: Date | null;
  created_at: Date;
  last_run_at: Date | null;
}

const COLUMNS = 'id, kind, name, query, unsubscribed_at, created_at, last_run_at';

/** Employers' saved talent searches and candidates' job alerts: each user manages only their own. */
@Injectable()
export class SavedSearches {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly employers: Employers,
    private readonly links: UnsubscribeLinks,
  ) {}

  /** Only a verified employer saves a talent search: it could not run the search otherwise. */
  async saveTalentSearch(
    principal: Principal,
    name: string,
    query: SavedTalentQuery,
  ): Promise<SavedSearchView> {
    const organisationId = await this.employers.assertVerifiedEmployer(principal);
    return this.insert(principal.accountId, organisationId, 'talent', name, query);
  }

  saveJobAlert(principal: Principal, name: string, query: SavedJobQuery): Promise<SavedSearchView> {
    return this.insert(principal.accountId, null, 'jobs', name, query);
  }

  async list(principal: Principal, page: PageRequest): Promise<Page<SavedSearchView>> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM saved_searches WHERE account_id = $1',
      [principal.accountId],
    );
    const rows: SavedSearchRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM saved_searches WHERE account_id = $1
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [principal.accountId, page.limit, page.offset],
    );
    return { items: rows.map(toView), total, limit: page.limit, offset: page.offset };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM saved_searches WHERE id = $1 AND account_id = $2',
      [id, principal.accountId],
    );
    if (deleted === 0) throw new SavedSearchNotFoundError();
  }

  /** What a signed unsubscribe link would stop (no sign-in: the signature is the authority). */
  async byUnsubscribeToken(token: string): Promise<SavedSearchView> {
    const row = await this.rowOf(token);
    return toView(row);
  }

  /** Stops the alert a signed link names; stopping it again changes nothing. */
  async unsubscribe(token: string): Promise<SavedSearchView> {
    const { id } = await this.rowOf(token);
    const [rows]: [SavedSearchRow[], number] = await this.dataSource.query(
      `UPDATE saved_searches SET unsubscribed_at = coalesce(unsubscribed_at, now())
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return toView(rows[0]);
  }

  private async rowOf(token: string): Promise<SavedSearchRow> {
    const id = this.links.verify(token);
    if (!id) throw new InvalidUnsubscribeLinkError();
    const [row]: SavedSearchRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM saved_searches WHERE id = $1`,
      [id],
    );
    if (!row) throw new SavedSearchNotFoundError();
    return row;
  }

  private async insert(
    accountId: string,
    organisationId: string | null,
    kind: SavedSearchKind,
    name: string,
    query: SavedTalentQuery | SavedJobQuery,
  ): Promise<SavedSearchView> {
    const [row]: SavedSearchRow[] = await this.dataSource.query(
      `INSERT INTO saved_searches (id, account_id, organisation_id, kind, name, query)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [randomUUID(), accountId, organisationId, kind, name, JSON.stringify(query)],
    );
    return toView(row);
  }
}

function toView(row: SavedSearchRow): SavedSearchView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    query: row.query,
    active: row.unsubscribed_at === null,
    createdAt: row.created_at,
    lastRunAt: row.last_run_at,
  };
}
