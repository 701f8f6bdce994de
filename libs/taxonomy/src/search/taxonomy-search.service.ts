import type { Page, PageRequest } from '@app/common';
import { enginePage, MEILI_CLIENT, meilisearchApiError, SearchIndexes, windowOf } from '@app/search';
import { Inject, Injectable } from '@nestjs/common';
import type { Meilisearch } from 'meilisearch';
import type { TaxonomyLanguage } from '../taxonomy-language';
import { TaxonomySearchUnavailableError } from '../taxonomy.errors';
import {
  altField,
  localeOf,
  OCCUPATIONS_INDEX,
  preferredField,
  searchFields,
  SKILLS_INDEX,
} from './taxonomy-indexes';

export interface ConceptSearch extends PageRequest {
  text: string;
  language: TaxonomyLanguage;
  includeObsolete?: boolean;
}

export interface OccupationSearch extends ConceptSearch {
  iscoCode?: string;
}

export interface SkillSearch extends ConceptSearch {
  skillType?: string;
}

export interface ConceptHit {
  uri: string;
  label: string;
  /** The language of `label`: the requested one, or English when the concept has no label in it. */
  language: TaxonomyLanguage;
  altLabels: string[];
  obsolete: boolean;
  iscoCode?: string;
  code?: string | null;
  skillType?: string | null;
  reuseLevel?: string | null;
}

/** Documents each live taxonomy index serves; an index that is missing or still empty serves none. */
export interface TaxonomySearchReadiness {
  ready: boolean;
  occupations: number;
  skills: number;
}

export type ConceptSearchPage = Page<ConceptHit>;

type Hit = Record<string, unknown>;

const NOT_BUILT = new Set(['index_not_found', 'invalid_search_attributes_to_search_on']);

/** Typo-tolerant autocomplete over the taxonomy indexes, one language at a time. */
@Injectable()
export class TaxonomySearch {
  constructor(
    @Inject(MEILI_CLIENT) private readonly client: Meilisearch,
    private readonly indexes: SearchIndexes,
  ) {}

  searchOccupations(search: OccupationSearch): Promise<ConceptSearchPage> {
    const filters = search.iscoCode ? [`iscoCode = ${JSON.stringify(search.iscoCode)}`] : [];
    return this.search(OCCUPATIONS_INDEX, search, filters, (hit) => ({
      iscoCode: hit.iscoCode as string,
      code: hit.code as string | null,
    }));
  }

  searchSkills(search: SkillSearch): Promise<ConceptSearchPage> {
    const filters = search.skillType ? [`skillType = ${JSON.stringify(search.skillType)}`] : [];
    return this.search(SKILLS_INDEX, search, filters, (hit) => ({
      skillType: hit.skillType as string | null,
      reuseLevel: hit.reuseLevel as string | null,
    }));
  }

  /**
   * Autocomplete answers only once both live indexes hold documents: the first build swaps each
   * index in on its own, so one can serve while the other still answers TAXONOMY_SEARCH_UNAVAILABLE.
   */
  async readiness(): Promise<TaxonomySearchReadiness> {
    const [occupations, skills] = await Promise.all(
      [OCCUPATIONS_INDEX, SKILLS_INDEX].map((index) => this.servedDocuments(index)),
    );
    return { ready: occupations > 0 && skills > 0, occupations, skills };
  }

  private async servedDocuments(index: string): Promise<number> {
    try {
      return (await this.client.index(this.indexes.uid(index)).getStats()).numberOfDocuments;
    } catch (error) {
      if (meilisearchApiError(error)?.cause?.code === 'index_not_found') return 0;
      throw error;
    }
  }

  private async search(
    index: string,
    search: ConceptSearch,
    filters: string[],
    extra: (hit: Hit) => Partial<ConceptHit>,
  ): Promise<ConceptSearchPage> {
    const filter = [...(search.includeObsolete ? [] : ['obsolete = false']), ...filters];
    try {
      const asked = enginePage(search);
      const params = {
        page: asked.page,
        hitsPerPage: asked.hitsPerPage,
        filter,
        attributesToSearchOn: searchFields(search.language),
        locales: [localeOf(search.language)],
      };
      const result = await this.client
        .index(this.indexes.uid(index))
        .search<Hit, typeof params>(search.text, params);
      const window = windowOf(search, asked, result);
      return {
        ...window,
        items: window.items.map((hit) => ({ ...toHit(hit, search.language), ...extra(hit) })),
      };
    } catch (error) {
      // An index with no documents yet knows none of its fields, so searching on them fails too.
      if (NOT_BUILT.has(meilisearchApiError(error)?.cause?.code ?? '')) {
        throw new TaxonomySearchUnavailableError();
      }
      throw error;
    }
  }
}

function toHit(hit: Hit, language: TaxonomyLanguage): ConceptHit {
  const own = hit[preferredField(language)];
  const actual: TaxonomyLanguage = typeof own === 'string' ? language : 'en';
  return {
    uri: hit.uri as string,
    label: hit[preferredField(actual)] as string,
    language: actual,
    altLabels: (hit[altField(actual)] as string[] | undefined) ?? [],
    obsolete: hit.obsolete === true,
  };
}
