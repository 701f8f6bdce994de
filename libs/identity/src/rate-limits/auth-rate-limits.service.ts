import { RateLimitedError } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

type Limit = 'loginIp' | 'loginAccount' | 'registrationIp' | 'resetIp' | 'resetAccount';

/**
 * Brute-force limits for the sign-in, registration and reset endpoints, per IP and per account,
 * shared by every API instance through Redis. Keys are hashed: no address or email sits in Redis.
 */
@Injectable()
export class AuthRateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiters: Record<Limit, RateLimiterRedis>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    const limits = config.auth.rateLimits;
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.queue.prefix}:rl:${name}`,
        points,
        duration: limits.windowSeconds,
      });
    this.limiters = {
      loginIp: limiter('login-ip', limits.loginFailuresPerIp),
      loginAccount: limiter('login-account', limits.loginFailuresPerAccount),
      registrationIp: limiter('registration-ip', limits.registrationsPerIp),
      resetIp: limiter('reset-ip', limits.passwordResetsPerIp),
      resetAccount: limiter('reset-account', limits.passwordResetsPerAccount),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  /** Refuses a sign-in attempt while the IP or the account has used up its failures. */
  async assertLoginAllowed(ip: string, email: string): Promise<void> {
    const [byIp, byAccount] = await Promise.all([
      this.limiters.loginIp.get(key(ip)),
      this.limiters.loginAccount.get(key(email)),
    ]);
    const blocked = [
      [byIp, this.limiters.loginIp.points],
      [byAccount, this.limiters.loginAccount.points],
    ] as const;
    const waits = blocked
      .filter(([res, points]) => res !== null && res.consumedPoints >= points)
      .map(([res]) => res?.msBeforeNext ?? 0);
    if (waits.length > 0) throw tooMany('Too many failed sign-in attempts', Math.max(...waits));
  }

  async recordLoginFailure(ip: string, email: string): Promise<void> {
    await Promise.all([
      consumeQuietly(this.limiters.loginIp, key(ip)),
      consumeQuietly(this.limiters.loginAccount, key(email)),
    ]);
  }

  async clearLoginFailures(email: string): Promise<void> {
    await this.limiters.loginAccount.delete(key(email));
  }

  async consumeRegistration(ip: string): Promise<void> {
    await consumeOrThrow(this.limiters.registrationIp, key(ip), 'Too many registrations from this address');
  }

  async consumePasswordReset(ip: string, email: string): Promise<void> {
    await consumeOrThrow(this.limiters.resetIp, key(ip), 'Too many password reset requests');
    await consumeOrThrow(this.limiters.resetAccount, key(email), 'Too many password reset requests');
  }
}

function key(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 32);
}

function tooMany(message: string, msBeforeNext: number): RateLimitedError {
  return new RateLimitedError(message, Math.max(1, Math.ceil(msBeforeNext / 1000)));
}

async function consumeOrThrow(limiter: RateLimiterRedis, id: string, message: string): Promise<void> {
  try {
    await limiter.consume(id);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw tooMany(message, rejection.msBeforeNext);
    throw rejection;
  }
}

async function consumeQuietly(limiter: RateLimiterRedis, id: string): Promise<void> {
  try {
    await limiter.consume(id);
  } catch (rejection) {
    // Already over the limit: the next attempt is refused by assertLoginAllowed.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
  }
}
