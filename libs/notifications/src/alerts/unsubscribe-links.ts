import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';

const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/**
 * One-click unsubscribe tokens: `<saved search id>.<HMAC-SHA256 of it>`, keyed by
 * LINK_SIGNING_SECRET. Anyone holding the mail may stop that one alert, and nothing else.
 */
@Injectable()
export class UnsubscribeLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  token(savedSearchId: string): string {
    return `${savedSearchId}.${this.mac(savedSearchId).toString('base64url')}`;
  }

  url(savedSearchId: string): string {
    // The web front end's page, which shows what the link stops and takes mail clients' one-click POST.
    return `${this.config.mail.publicUrl}/alerts/unsubscribe/${this.token(savedSearchId)}`;
  }

  /** The saved search a token names, or null when it is malformed or its signature does not verify. */
  verify(token: string): string | null {
    const match = TOKEN.exec(token);
    if (!match) return null;
    const given = Buffer.from(match[2], 'base64url');
    const expected = this.mac(match[1]);
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
  }

  private mac(savedSearchId: string): Buffer {
    return createHmac('sha256', this.config.notifications.linkSigningSecret)
      .update(`unsubscribe:${savedSearchId}`)
      .digest();
  }
}
