import { RateLimitedError } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { boundedRedisOptions } from '@app/queue';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { signInWaitSeconds } from './sign-in-wait';

type Limit =
  'loginIp' | 'loginPairFailures' | 'loginPairWait' | 'registrationIp' | 'resetIp' | 'resetAccount';

/**
 * Brute-force limits for the sign-in, registration and reset endpoints, shared by every API
 * instance through Redis. Keys are hashed: no address or email sits in Redis.
 *
 * Failed sign-ins are throttled per account and source together, with a growing wait once the free
 * failures are spent (see `signInWaitSeconds`), and per source across accounts. There is no lock
 * of an account as such: failures from one source never keep the owner out from another.
 */
@Injectable()
export class AuthRateLimits implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly limiters: Record<Limit, RateLimiterRedis>;
  private readonly freeLoginFailures: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...boundedRedisOptions(config), maxRetriesPerRequest: 2 });
    this.redis.on('error', () => undefined);
    const limits = config.auth.rateLimits;
    this.freeLoginFailures = limits.loginFailuresPerAccount;
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${config.queue.prefix}:rl:${name}`,
        points,
        duration: limits.windowSeconds,
      });
    this.limiters = {
      loginIp: limiter('login-ip', limits.loginFailuresPerIp),
      // A counter: the failures of an account from a source within the window.
      loginPairFailures: limiter('login-pair', Number.MAX_SAFE_INTEGER),
      // Blocked (by `block`) while the account and source wait before their next attempt.
      loginPairWait: limiter('login-pair-wait', 1),
      registrationIp: limiter('registration-ip', limits.registrationsPerIp),
      resetIp: limiter('reset-ip', limits.passwordResetsPerIp),
      resetAccount: limiter('reset-account', limits.passwordResetsPerAccount),
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  /** Refuses a sign-in attempt while the source has used up its failures or must still wait. */
  async assertLoginAllowed(ip: string, email: string): Promise<void> {
    const [byIp, wait] = await Promise.all([
      this.limiters.loginIp.get(key(ip)),
      this.limiters.loginPairWait.get(pairKey(email, ip)),
    ]);
    const waits = [
      byIp !== null && byIp.consumedPoints >= this.limiters.loginIp.points ? byIp.msBeforeNext : null,
      wait !== null && wait.consumedPoints > this.limiters.loginPairWait.points ? wait.msBeforeNext : null,
    ].filter((ms): ms is number => ms !== null);
    if (waits.length > 0) throw tooMany('Too many failed sign-in attempts', Math.max(...waits));
  }

  async recordLoginFailure(ip: string, email: string): Promise<void> {
    const pair = pairKey(email, ip);
    const [, failures] = await Promise.all([
      consumeQuietly(this.limiters.loginIp, key(ip)),
      this.limiters.loginPairFailures.consume(pair),
    ]);
    const waitSeconds = signInWaitSeconds(
      failures.consumedPoints,
      this.freeLoginFailures,
      this.limiters.loginPairFailures.duration,
    );
    if (waitSeconds > 0) await this.limiters.loginPairWait.block(pair, waitSeconds);
  }

  /** After a successful sign-in (or a reset) from this source: its failures are forgiven. */
  async clearLoginFailures(ip: string, email: string): Promise<void> {
    const pair = pairKey(email, ip);
    await Promise.all([
      this.limiters.loginPairFailures.delete(pair),
      this.limiters.loginPairWait.delete(pair),
    ]);
  }

  async consumeRegistration(ip: string): Promise<void> {
    await consumeOrThrow(this.limiters.registrationIp, key(ip), 'Too many registrations from this address');
  }

  async consumePasswordReset(ip: string, email: string): Promise<void> {
    await consumeOrThrow(this.limiters.resetIp, key(ip), 'Too many password reset requests');
    await consumeOrThrow(this.limiters.resetAccount, key(email), 'Too many password reset requests');
  }
}

function pairKey(email: string, ip: string): string {
  return key(`${email}\n${ip}`);
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
