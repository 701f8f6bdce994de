import 'reflect-metadata';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  ConceptSuggestions,
  shippedEscoFolder,
  TaxonomyImporter,
  TaxonomyModule,
  type SuggestionLanguage,
} from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startIsolatedRun } from './support/isolated-run';
import { printRuntime } from './support/measure';

interface Case {
  text: string;
  expected: Set<string>;
}

const SAMPLE = 200;
const SEED = 20261202;

/** A small deterministic generator, so every run draws the same occupations. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * Precision and recall of the skill suggestions on test sets built from the shipped ESCO release.
 * English: an occupation's own description → that occupation and its essential skills. The shipped
 * French and Spanish files hold labels only (no descriptions), so their sets are built from labels:
 * a sentence naming the occupation by an alternative label (the preferred one when it has none)
 * and three of its essential skills → the occupation and all its essential skills. ESCO has no
 * Arabic labels, so there is no Arabic set. Run with `npm run bench:suggestions`.
 */
async function main(): Promise<void> {
  printRuntime();
  const { dispose } = await startIsolatedRun('suggestions');

  @Module({ imports: [ConfigModule, DatabaseModule, TaxonomyModule] })
  class BenchModule {}

  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  try {
    const started = performance.now();
    await app.get(TaxonomyImporter).import(shippedEscoFolder());
    process.stdout.write(`ESCO imported in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const rows: {
      uri: string;
      description: string | null;
      labels: Record<string, string>;
      alt: Record<string, string[]>;
      essential: { uri: string; labels: Record<string, string> }[];
    }[] = await dataSource.query(
      `SELECT o.uri, o.description, o.preferred_labels AS labels, o.alt_labels AS alt,
              coalesce(json_agg(json_build_object('uri', s.uri, 'labels', s.preferred_labels) ORDER BY s.uri)
                FILTER (WHERE s.uri IS NOT NULL), '[]') AS essential
         FROM occupations o
         LEFT JOIN occupation_skills r ON r.occupation_uri = o.uri AND r.relation_type = 'essential'
         LEFT JOIN skills s ON s.uri = r.skill_uri
        WHERE NOT o.obsolete AND o.description IS NOT NULL
        GROUP BY o.uri ORDER BY o.uri`,
    );
    const next = random(SEED);
    const sample = [...rows].sort(() => next() - 0.5).slice(0, SAMPLE);
    const sets: Record<Exclude<SuggestionLanguage, 'ar'>, Case[]> = {
      en: sample.map((row) => ({ text: row.description ?? '', expected: expectedOf(row) })),
      fr: labelCases(
        sample,
        'fr',
        (occupation, skills) => `Je travaille comme ${occupation}. Mes tâches : ${skills}.`,
      ),
      es: labelCases(
        sample,
        'es',
        (occupation, skills) => `Trabajo como ${occupation}. Mis tareas: ${skills}.`,
      ),
    };
    const suggestions = app.get(ConceptSuggestions);
    for (const [language, cases] of Object.entries(sets) as [Exclude<SuggestionLanguage, 'ar'>, Case[]][]) {
      let precision = 0;
      let recall = 0;
      let occupationFound = 0;
      let returned = 0;
      const times: number[] = [];
      await suggestions.suggest('warm-up', language, language);
      for (const testCase of cases) {
        const t0 = performance.now();
        const result = await suggestions.suggest(testCase.text, language, language);
        times.push(performance.now() - t0);
        const uris = [...result.occupations, ...result.skills].map((suggestion) => suggestion.uri);
        const hits = uris.filter((uri) => testCase.expected.has(uri)).length;
        precision += uris.length === 0 ? 0 : hits / uris.length;
        recall += hits / testCase.expected.size;
        returned += uris.length;
        if (result.occupations.some((suggestion) => testCase.expected.has(suggestion.uri))) occupationFound++;
      }
      times.sort((a, b) => a - b);
      const n = cases.length;
      process.stdout.write(
        `${language} (${language === 'en' ? 'descriptions' : 'label-built sentences'}, ${n} cases): ` +
          `precision ${(precision / n).toFixed(3)}, recall ${(recall / n).toFixed(3)} at ${(returned / n).toFixed(1)} ` +
          `suggestions on average; own occupation among suggested occupations ${((occupationFound / n) * 100).toFixed(1)} %; ` +
          `p50 ${times[Math.floor(n / 2)].toFixed(1)} ms\n`,
      );
    }
    process.stdout.write('ar: no set (ESCO has no Arabic labels)\n');
  } finally {
    await app.close();
    await dispose();
  }
}

function expectedOf(row: { uri: string; essential: { uri: string }[] }): Set<string> {
  return new Set([row.uri, ...row.essential.map((skill) => skill.uri)]);
}

function labelCases(
  rows: {
    uri: string;
    labels: Record<string, string>;
    alt: Record<string, string[]>;
    essential: { uri: string; labels: Record<string, string> }[];
  }[],
  language: 'fr' | 'es',
  sentence: (occupation: string, skills: string) => string,
): Case[] {
  return rows
    .filter((row) => row.labels[language])
    .map((row) => {
      const occupation = row.alt[language]?.[0] ?? row.labels[language];
      const skills = row.essential
        .flatMap((skill) => (skill.labels[language] ? [skill.labels[language]] : []))
        .slice(0, 3);
      return { text: sentence(occupation, skills.join(', ')), expected: expectedOf(row) };
    });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
