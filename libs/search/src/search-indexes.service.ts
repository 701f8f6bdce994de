import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import { MEILI_CLIENT, settle } from './search-client';
import type { SearchIndexDefinition } from './search-index';
import { meilisearchApiError } from './meilisearch-transport';

/**
 * The registry of index definitions (domain modules register theirs at init) and the one place
 * that turns a logical index name into a real uid and applies settings.
 */
@Injectable()
export class SearchIndexes {
  private readonly logger = new Logger(SearchIndexes.name);
  private readonly definitions = new Map<string, SearchIndexDefinition>();

  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(definition: SearchIndexDefinition): void {
    this.definitions.set(definition.name, definition);
  }

  uid(name: string): string {
    return `${this.config.search.indexPrefix}${name}`;
  }

  definition(name: string): SearchIndexDefinition {
    const found = this.definitions.get(name);
    if (!found) throw new Error(`Search index ${name} is not registered`);
    return found;
  }

  registered(): SearchIndexDefinition[] {
    return [...this.definitions.values()];
  }

  /** Creates missing indexes and applies settings; safe to run on every start. */
  async applyAll(): Promise<void> {
    for (const definition of this.definitions.values()) {
      await this.apply(this.uid(definition.name), definition);
    }
  }

  async apply(uid: string, definition: SearchIndexDefinition): Promise<void> {
    if (!(await this.exists(uid))) {
      // Another process, or a rebuild in this one, may create it between the check and the task.
      await settle(
        this.client.createIndex(uid, { primaryKey: definition.primaryKey }),
        undefined,
        'index_already_exists',
      );
      this.logger.debug(`Created search index ${uid}`);
    }
    await settle(this.client.index(uid).updateSettings(definition.settings));
  }

  async exists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (meilisearchApiError(error)?.cause?.code === 'index_not_found') return false;
      throw error;
    }
  }
}
