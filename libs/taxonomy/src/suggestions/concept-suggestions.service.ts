import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { conceptLabel, type ConceptLabel } from '../lookup/concept-labels';
import { TaxonomyLookup } from '../lookup/taxonomy-lookup.service';
import type { TaxonomyLanguage } from '../taxonomy-language';
import { LabelMatcher, type LabelLexemes } from './label-matcher';

/** Languages a candidate may describe their work in; ESCO has no Arabic labels (see `dictionaryOf`). */
export const SUGGESTION_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type SuggestionLanguage = (typeof SUGGESTION_LANGUAGES)[number];

/** Longest text accepted: a few paragraphs about one's work. */
export const SUGGESTION_TEXT_MAX_LENGTH = 4000;

const TEXT_SEARCH_CONFIG: Record<TaxonomyLanguage, string> = { en: 'english', fr: 'french', es: 'spanish' };
/** A match must weigh at least this share of a word found in one label only: a rare word, or two ordinary ones. */
const MIN_SHARE = 0.55;
const MAX_OCCUPATIONS = 5;
const MAX_SKILLS = 15;

export interface Suggestion extends ConceptLabel {
  uri: string;
  /** How specific the words found are (higher is better). */
  score: number;
}

export interface Suggestions {
  /** The taxonomy language whose labels were looked for in the text. */
  matchedLanguage: TaxonomyLanguage;
  occupations: Suggestion[];
  skills: Suggestion[];
}

/**
 * ESCO occupations and skills named in a candidate's own words: every preferred and alternative
 * label of the text's language is normalised by PostgreSQL full text (stemming, stop words, with
 * positions) and looked for as a phrase in the equally normalised text. The label dictionary is
 * built once per taxonomy version and language, and kept in memory.
 */
@Injectable()
export class ConceptSuggestions {
  private readonly dictionaries = new Map<string, Promise<LabelMatcher>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: TaxonomyLookup,
  ) {}

  async suggest(
    text: string,
    language: SuggestionLanguage,
    readerLanguage: TaxonomyLanguage,
  ): Promise<Suggestions> {
    // Arabic text is read against the English labels: only the Latin-script terms in it can match.
    const matchedLanguage: TaxonomyLanguage = language === 'ar' ? 'en' : language;
    const matcher = await this.dictionaryOf(matchedLanguage);
    const matches = matcher.match(await this.lexemesOf(text, matchedLanguage), MIN_SHARE);
    const occupations = matches.filter((match) => match.kind === 'occupation').slice(0, MAX_OCCUPATIONS);
    const skills = matches.filter((match) => match.kind === 'skill').slice(0, MAX_SKILLS);
    const concepts = await this.lookup.findOccupations(occupations.map((match) => match.uri));
    const skillViews = await this.lookup.findSkills(skills.map((match) => match.uri));
    const labels = new Map(
      [...concepts, ...skillViews].map((view) => [
        view.uri,
        conceptLabel(view.preferredLabels, readerLanguage, view.uri),
      ]),
    );
    const toSuggestion = (match: { uri: string; score: number }): Suggestion => ({
      uri: match.uri,
      score: Math.round(match.score * 10) / 10,
      ...(labels.get(match.uri) ?? { label: match.uri, language: 'en' as const }),
    });
    return { matchedLanguage, occupations: occupations.map(toSuggestion), skills: skills.map(toSuggestion) };
  }

  private async lexemesOf(
    text: string,
    language: TaxonomyLanguage,
  ): Promise<{ lexeme: string; position: number }[]> {
    const rows: { lexeme: string; position: number }[] = await this.dataSource.query(
      `SELECT u.lexeme, p AS position
         FROM unnest(to_tsvector($1::regconfig, translate($2, '/', ' '))) u, unnest(u.positions) p`,
      [TEXT_SEARCH_CONFIG[language], text],
    );
    return rows;
  }

  private async dictionaryOf(language: TaxonomyLanguage): Promise<LabelMatcher> {
    const version = await this.lookup.currentVersion();
    const key = `${language}:${version?.version ?? 'none'}:${version?.importedAt.toISOString() ?? ''}`;
    let dictionary = this.dictionaries.get(key);
    if (!dictionary) {
      for (const old of this.dictionaries.keys())
        if (old.startsWith(`${language}:`)) this.dictionaries.delete(old);
      dictionary = this.build(language);
      this.dictionaries.set(key, dictionary);
      dictionary.catch(() => this.dictionaries.delete(key));
    }
    return dictionary;
  }

  private async build(language: TaxonomyLanguage): Promise<LabelMatcher> {
    const rows: { kind: 'occupation' | 'skill'; uri: string; preferred: boolean; lexemes: string[] }[] =
      await this.dataSource.query(
        `SELECT c.kind, c.uri, l.preferred, array_agg(u.lexeme || ' ' || p) AS lexemes
           FROM (SELECT 'occupation' AS kind, uri, preferred_labels, alt_labels FROM occupations WHERE NOT obsolete
                 UNION ALL
                 SELECT 'skill', uri, preferred_labels, alt_labels FROM skills WHERE NOT obsolete) c
           CROSS JOIN LATERAL (
             SELECT true AS preferred, c.preferred_labels ->> $1 AS label
             UNION ALL
             SELECT false, jsonb_array_elements_text(coalesce(c.alt_labels -> $1, '[]'::jsonb))) written
           -- "soudeur/soudeuse", "technicien/technicienne de maintenance": each form is a label of its own.
           CROSS JOIN LATERAL (
             SELECT written.preferred, regexp_replace(written.label, '(\\S+)/(\\S+)', '\\1', 'g') AS label
             UNION
             SELECT written.preferred, regexp_replace(written.label, '(\\S+)/(\\S+)', '\\2', 'g')) l
           CROSS JOIN LATERAL unnest(to_tsvector($2::regconfig, l.label)) u
           CROSS JOIN LATERAL unnest(u.positions) p
          WHERE written.label IS NOT NULL
          GROUP BY c.kind, c.uri, l.preferred, l.label`,
        [language, TEXT_SEARCH_CONFIG[language]],
      );
    const labels: LabelLexemes[] = rows.map((row) => ({
      uri: row.uri,
      kind: row.kind,
      preferred: row.preferred,
      lexemes: row.lexemes.map((entry) => {
        const space = entry.lastIndexOf(' ');
        return { lexeme: entry.slice(0, space), position: Number(entry.slice(space + 1)) };
      }),
    }));
    return new LabelMatcher(labels);
  }
}
