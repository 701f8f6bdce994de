import type { Page, PageRequest } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { WebhookEndpointNotFoundError } from '../notifications.errors';
import { DestinationPolicy } from './destination-policy';
import type { WebhookEventType } from './webhook-events';

export interface WebhookEndpointView {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
  description: string;
  active: boolean;
  createdAt: Date;
}

interface EndpointRow {
  id: string;
  url: string;
  event_types: WebhookEventType[];
  description: string;
  active: boolean;
  created_at: Date;
}

const COLUMNS = 'id, url, event_types, description, active, created_at';

/** Administrators' register of partner systems' endpoints; the signing secret is shown once. */
@Injectable()
export class WebhookEndpoints {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: DestinationPolicy,
  ) {}

  async register(input: {
    url: string;
    eventTypes: WebhookEventType[];
    description?: string;
  }): Promise<WebhookEndpointView & { secret: string }> {
    const url = this.policy.checkUrl(input.url).toString();
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const [row]: EndpointRow[] = await this.dataSource.query(
      `INSERT INTO webhook_endpoints (id, url, event_types, secret, description)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [randomUUID(), url, [...new Set(input.eventTypes)], secret, input.description ?? ''],
    );
    return { ...toView(row), secret };
  }

  async list(page: PageRequest): Promise<Page<WebhookEndpointView>> {
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM webhook_endpoints',
    );
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoints ORDER BY created_at, id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    return { items: rows.map(toView), total, limit: page.limit, offset: page.offset };
  }

  async remove(id: string): Promise<void> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM webhook_endpoints WHERE id = $1',
      [id],
    );
    if (deleted === 0) throw new WebhookEndpointNotFoundError();
  }
}

function toView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.event_types,
    description: row.description,
    active: row.active,
    createdAt: row.created_at,
  };
}
