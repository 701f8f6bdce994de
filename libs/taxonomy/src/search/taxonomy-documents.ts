import { createHash } from 'node:crypto';
import {
  TAXONOMY_LANGUAGES,
  type LocalizedAltLabels,
  type LocalizedLabels,
  type TaxonomyLanguage,
} from '../taxonomy-language';
import { altField, preferredField } from './taxonomy-indexes';

interface LabelledConcept {
  uri: string;
  preferredLabels: LocalizedLabels;
  altLabels: LocalizedAltLabels;
  obsolete: boolean;
}

export interface ConceptDocument {
  id: string;
  uri: string;
  obsolete: boolean;
  languages: TaxonomyLanguage[];
  [field: string]: unknown;
}

/** Meilisearch ids allow only [a-zA-Z0-9_-]: ESCO URIs end in a UUID, anything else is hashed. */
export function documentId(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  return /^[a-zA-Z0-9_-]{1,100}$/.test(last) ? last : createHash('sha256').update(uri).digest('hex');
}

export function conceptDocument(concept: LabelledConcept, extra: Record<string, unknown>): ConceptDocument {
  const document: ConceptDocument = {
    id: documentId(concept.uri),
    uri: concept.uri,
    obsolete: concept.obsolete,
    languages: TAXONOMY_LANGUAGES.filter((language) => concept.preferredLabels[language] !== undefined),
    ...extra,
  };
  for (const language of TAXONOMY_LANGUAGES) {
    document[preferredField(language)] = concept.preferredLabels[language] ?? null;
    document[altField(language)] = concept.altLabels[language] ?? [];
  }
  return document;
}
