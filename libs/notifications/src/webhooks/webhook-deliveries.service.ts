import type { Page, PageRequest } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { OutboxService, type PlatformEvent } from '@app/queue';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Agent, request } from 'undici';
import { WebhookDeliveryNotFoundError } from '../notifications.errors';
import { DestinationPolicy } from './destination-policy';
import { toWebhookEvent, type WebhookEventType } from './webhook-events';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';

export type DeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'failed';

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  replayOf: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: WebhookEventType;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  replay_of: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const COLUMNS =
  'id, endpoint_id, event_id, event_type, status, attempts, last_status_code, last_error, replay_of, created_at, delivered_at';

/**
 * Fans platform events out to the endpoints subscribed to them (one delivery row and one
 * `webhooks.deliver` job each, in one transaction; a re-delivered event adds nothing), sends them
 * signed, and keeps the log administrators read and replay from.
 */
@Injectable()
export class WebhookDeliveries implements OnModuleDestroy {
  private readonly agent: Agent;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly policy: DestinationPolicy,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const timeout = config.webhooks.timeoutMs;
    this.agent = new Agent({
      connect: { timeout, lookup: policy.lookup },
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  async fanOut(event: PlatformEvent): Promise<number> {
    const webhookEvent = toWebhookEvent(event);
    if (!webhookEvent) return 0;
    const body = JSON.stringify({
      id: event.eventId,
      type: webhookEvent.type,
      createdAt: new Date().toISOString(),
      data: webhookEvent.data,
    });
    return this.dataSource.transaction(async (manager) => {
      const created: { id: string }[] = await manager.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status)
         SELECT gen_random_uuid(), id, $1, $2, $3, 'pending' FROM webhook_endpoints
          WHERE active AND $2 = ANY(event_types)
         ON CONFLICT (endpoint_id, event_id) WHERE replay_of IS NULL DO NOTHING RETURNING id`,
        [event.eventId, webhookEvent.type, body],
      );
      for (const { id } of created) await this.outbox.add(manager, 'webhooks.deliver', { deliveryId: id });
      return created.length;
    });
  }

  /**
   * One attempt. Throws when the endpoint does not answer 2xx (or cannot be reached), so the job is
   * retried with backoff; the row records every attempt and ends `failed` after the last one.
   */
  async deliver(deliveryId: string, lastAttempt: boolean): Promise<DeliveryStatus | 'missing'> {
    const [row]: { status: DeliveryStatus; body: string; url: string; secret: string }[] =
      await this.dataSource.query(
        `SELECT d.status, d.body, e.url, e.secret FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = $1`,
        [deliveryId],
      );
    if (!row) return 'missing';
    if (row.status === 'delivered') return 'delivered';
    let statusCode: number | null = null;
    let failure: string | null = null;
    try {
      this.policy.checkUrl(row.url);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await request(row.url, {
        method: 'POST',
        dispatcher: this.agent,
        body: row.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'EU-Talent-Pool-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(row.secret, timestamp, row.body),
          'x-talentpool-delivery': deliveryId,
        },
      });
      statusCode = response.statusCode;
      await response.body.dump();
      if (statusCode < 200 || statusCode >= 300) failure = `endpoint answered ${statusCode}`;
    } catch (error) {
      // Connection errors name the host at most; the body is never logged or stored here.
      failure = error instanceof Error ? error.message.slice(0, 300) : 'delivery failed';
    }
    const status: DeliveryStatus = failure === null ? 'delivered' : lastAttempt ? 'failed' : 'retrying';
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, attempts = attempts + 1, last_status_code = $3,
              last_error = $4, delivered_at = CASE WHEN $2 = 'delivered' THEN now() END
        WHERE id = $1`,
      [deliveryId, status, statusCode, failure],
    );
    if (failure !== null) throw new Error(`Webhook delivery ${deliveryId} failed: ${failure}`);
    return status;
  }

  async list(filter: PageRequest & { endpointId?: string }): Promise<Page<WebhookDeliveryView>> {
    const endpointId = filter.endpointId ?? null;
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM webhook_deliveries WHERE ($1::uuid IS NULL OR endpoint_id = $1)',
      [endpointId],
    );
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE ($1::uuid IS NULL OR endpoint_id = $1)
        ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [endpointId, filter.limit, filter.offset],
    );
    return { items: rows.map(toView), total, limit: filter.limit, offset: filter.offset };
  }

  /** Sends a logged delivery again, as a new delivery of the same event (signed afresh). */
  async replay(deliveryId: string): Promise<WebhookDeliveryView> {
    return this.dataSource.transaction(async (manager) => {
      const rows: DeliveryRow[] = await manager.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, body, status, replay_of)
         SELECT $2, endpoint_id, event_id, event_type, body, 'pending', id FROM webhook_deliveries
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [deliveryId, randomUUID()],
      );
      if (rows.length === 0) throw new WebhookDeliveryNotFoundError();
      await this.outbox.add(manager, 'webhooks.deliver', { deliveryId: rows[0].id });
      return toView(rows[0]);
    });
  }
}

function toView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    replayOf: row.replay_of,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
