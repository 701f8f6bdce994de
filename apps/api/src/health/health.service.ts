import { RedisProbe } from '@app/queue';
import { MEILI_CLIENT } from '@app/search';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { TaxonomySearch } from '@app/taxonomy';
import type {
  DependencyHealth,
  HealthResponse,
  ReadinessResponse,
  ServicesHealth,
  TaxonomySearchHealth,
} from './health.response';

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisProbe,
    @Inject(MEILI_CLIENT) private readonly meilisearch: Meilisearch,
    private readonly taxonomy: TaxonomySearch,
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

  /** Ready to serve: every service answers and autocomplete has both taxonomy indexes built. */
  async readiness(): Promise<ReadinessResponse> {
    const [health, taxonomySearch] = await Promise.all([this.check(), this.taxonomySearch()]);
    const ready = health.status === 'ok' && taxonomySearch.status === 'ready';
    return { status: ready ? 'ready' : 'not_ready', services: health.services, taxonomySearch };
  }

  private async taxonomySearch(): Promise<TaxonomySearchHealth> {
    const none = { status: 'building', occupations: 0, skills: 0 } as const;
    try {
      const served = await withTimeout(this.taxonomy.readiness());
      return {
        status: served.ready ? 'ready' : 'building',
        occupations: served.occupations,
        skills: served.skills,
      };
    } catch {
      return none;
    }
  }
}

async function probe(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    await withTimeout(check());
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'down', latencyMs: elapsed(started), error: message };
  }
}

async function withTimeout<T>(pending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
