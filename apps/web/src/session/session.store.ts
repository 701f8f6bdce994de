import { APP_CONFIG, type AppConfig } from '@app/config';
import { boundedRedisOptions } from '@app/queue';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { needsRefresh, type SignedInAccount, type TokenPair, signedIn, type WebSession } from './web-session';

const KEY = 'web:session:';
const LOCK_MS = 15_000;
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/**
 * Browser sessions in Redis, so any number of web processes share them. The API spends a refresh
 * token on use and revokes the whole session when one is presented twice, so tabs that find the
 * access token expiring at the same moment must not each refresh it: one takes a lock and
 * refreshes, the others wait for the tokens it stores.
 */
@Injectable()
export class SessionStore implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...boundedRedisOptions(config), maxRetriesPerRequest: 2 });
    this.ttlSeconds = config.web.sessionTtlHours * 3600;
  }

  get maxAgeSeconds(): number {
    return this.ttlSeconds;
  }

  async find(id: string | undefined): Promise<WebSession | undefined> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const stored = await this.redis.get(KEY + id);
    return stored ? (JSON.parse(stored) as WebSession) : undefined;
  }

  /** A new session, with a new id: also after signing in, so an id planted before never gains an account. */
  async create(account?: SignedInAccount): Promise<WebSession> {
    const session: WebSession = { id: token(), csrf: token(), ...(account ? { account } : {}) };
    await this.save(session);
    return session;
  }

  async save(session: WebSession): Promise<void> {
    await this.redis.set(KEY + session.id, JSON.stringify(session), 'EX', this.ttlSeconds);
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(KEY + id);
  }

  /**
   * A usable access token, refreshed first when it is about to expire; null when the session has
   * no account or its refresh was refused (the account is then signed out here too).
   */
  async accessToken(
    session: WebSession,
    refresh: (refreshToken: string) => Promise<TokenPair | null>,
  ): Promise<string | null> {
    if (!session.account) return null;
    if (!needsRefresh(session.account)) return session.account.accessToken;
    const lock = `${KEY}${session.id}:refresh`;
    const owner = token();
    const deadline = Date.now() + 2 * LOCK_MS;
    while (Date.now() < deadline) {
      const current = await this.find(session.id);
      if (!current?.account) return null;
      if (!needsRefresh(current.account)) {
        session.account = current.account;
        return current.account.accessToken;
      }
      if (await this.redis.set(lock, owner, 'PX', LOCK_MS, 'NX')) {
        try {
          const pair = await refresh(current.account.refreshToken);
          if (pair) current.account = signedIn(pair, current.account.role);
          else delete current.account;
          await this.save(current);
          session.account = current.account;
          return current.account?.accessToken ?? null;
        } finally {
          await this.redis.eval(RELEASE_LOCK, 1, lock, owner);
        }
      }
      await delay(100);
    }
    throw new Error('Another request held the session refresh lock for too long');
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

function token(): string {
  return randomBytes(32).toString('base64url');
}
