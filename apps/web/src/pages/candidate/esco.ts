import type { ApiClient, Schemas } from '../../api/web-api';
import { type EscoLanguage, escoLanguage, type Locale } from '../../i18n/locales';

export interface Concept {
  uri: string;
  label: string;
  /** The language of the label, which an Arabic page marks on the element (ESCO has no Arabic labels). */
  lang: EscoLanguage;
}

/** The language ESCO concepts are shown in for this candidate on this page. */
export function conceptLanguage(locale: Locale, profile?: Pick<Schemas['CandidateProfileResponse'], 'languages'>): EscoLanguage {
  const second = profile?.languages.map((language) => language.code).find((code) => ['en', 'fr', 'es'].includes(code));
  return escoLanguage(locale, second);
}

export async function labelled(api: ApiClient, kind: 'occupations' | 'skills', uris: string[], lang: EscoLanguage): Promise<Concept[]> {
  return Promise.all(
    uris.map(async (uri) => {
      const { data } =
        kind === 'occupations'
          ? await api.GET('/api/v1/taxonomy/occupations/by-uri', { params: { query: { uri, lang } } })
          : await api.GET('/api/v1/taxonomy/skills/by-uri', { params: { query: { uri, lang } } });
      return { uri, label: data?.label ?? uri, lang: data?.language ?? lang };
    }),
  );
}

export async function searchConcepts(api: ApiClient, kind: 'occupations' | 'skills', text: string, lang: EscoLanguage): Promise<Concept[]> {
  if (!text) return [];
  const { data } =
    kind === 'occupations'
      ? await api.GET('/api/v1/taxonomy/occupations', { params: { query: { text, lang, limit: 10 } } })
      : await api.GET('/api/v1/taxonomy/skills', { params: { query: { text, lang, limit: 10 } } });
  return (data?.items ?? []).map((hit) => ({ uri: hit.uri, label: hit.label, lang: hit.language }));
}
