import { labelIn, TaxonomyLookup, type TaxonomyLanguage } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { expandExplanation, type StoredExplanation } from '../results/stored-explanation';
import type { MatchExplanation } from '../scoring/score';
import type { ExplanationView, LabelledConcept } from './match-views';

/** Renders stored explanations (URIs only) with labels in the reader's language, at read time. */
@Injectable()
export class MatchLabels {
  constructor(private readonly taxonomy: TaxonomyLookup) {}

  async skillLabeller(
    uris: Iterable<string>,
    language: TaxonomyLanguage,
  ): Promise<(uri: string) => LabelledConcept> {
    const skills = await this.taxonomy.findSkills([...new Set(uris)]);
    const labels = new Map(
      skills.map((skill) => [skill.uri, labelIn(skill.preferredLabels, skill.altLabels, language)]),
    );
    return (uri) => {
      const found = labels.get(uri);
      return { uri, label: found?.label ?? uri, language: found?.language ?? 'en' };
    };
  }

  async occupationLabeller(
    uris: Iterable<string>,
    language: TaxonomyLanguage,
  ): Promise<(uri: string) => LabelledConcept> {
    const occupations = await this.taxonomy.findOccupations([...new Set(uris)]);
    const labels = new Map(
      occupations.map((occupation) => [
        occupation.uri,
        labelIn(occupation.preferredLabels, occupation.altLabels, language),
      ]),
    );
    return (uri) => {
      const found = labels.get(uri);
      return { uri, label: found?.label ?? uri, language: found?.language ?? 'en' };
    };
  }

  async render(
    stored: readonly (StoredExplanation | MatchExplanation)[],
    language: TaxonomyLanguage,
  ): Promise<ExplanationView[]> {
    const explanations = stored.map((explanation) => expandExplanation(explanation));
    const label = await this.skillLabeller(
      explanations.flatMap((explanation) => [
        ...explanation.matchedSkills.flatMap((skill) => [skill.uri, skill.via]),
        ...explanation.missingEssentialSkills,
      ]),
      language,
    );
    return explanations.map((explanation) => ({
      scoreVersion: explanation.scoreVersion,
      factors: explanation.factors,
      matchedSkills: explanation.matchedSkills.map((skill) => ({
        ...label(skill.uri),
        requirement: skill.requirement,
        relation: skill.relation,
        via: label(skill.via),
        credit: skill.credit,
      })),
      missingEssentialSkills: explanation.missingEssentialSkills.map(label),
    }));
  }
}
