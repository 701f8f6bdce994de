import { RedisProbe } from '@app/queue';
import { MEILI_CLIENT } from '@app/search';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import type { DependencyHealth, HealthResponse, ServicesHealth } from './health.response';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
    @Inject(MEILI_CLIENT) private readonly meilisearch: Meilisearch,
  ) {}

  async check(): Promise<HealthResponse> {
    const [postgres, redis, meilisearch] = await Promise.all([
      probe(() => this.dataSource.query<unknown>('SELECT 1')),
      probe(() => this.redis.ping()),
      probe(() => this.meilisearch.health()),
    ]);
    const services: ServicesHealth = { postgres, redis, meilisearch };
    const allUp = [postgres, redis, meilisearch].every((service) => service.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', services };
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: elapsed(started), error: message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
