import type { TalentQuery } from '@app/discovery';
import type { DataSource } from 'typeorm';
import type { SyntheticCatalogue } from './catalogue';
import { SeededRandom } from './random';

/** Preferred labels of the shortage occupations in every language: the words employers search with. */
export async function shortageOccupationLabels(
  dataSource: DataSource,
  catalogue: SyntheticCatalogue,
): Promise<Map<string, string[]>> {
  const rows = await dataSource.query<{ uri: string; labels: Record<string, string> }[]>(
    'SELECT uri, preferred_labels AS labels FROM occupations WHERE uri = ANY($1)',
    [catalogue.shortageOccupations.map((entry) => entry.uri)],
  );
  return new Map(rows.map((row) => [row.uri, Object.values(row.labels)]));
}

/** Text plus three filters, drawn from the data's own vocabulary so most queries have matches. */
export function talentQueries(
  catalogue: SyntheticCatalogue,
  labels: Map<string, string[]>,
  count: number,
  seed: number,
): TalentQuery[] {
  const random = new SeededRandom(seed ^ 0xbeef);
  const languages = ['en', 'fr', 'de', 'ar', 'es'];
  const shortage = catalogue.shortageOccupations.map((entry) => entry.uri);
  return Array.from({ length: count }, () => {
    const occupation = random.pick(shortage.length > 0 ? shortage : catalogue.occupations.map((o) => o.uri));
    const words = random.pick(labels.get(occupation) ?? ['worker']).split(/[\s/]+/);
    let text = random.pick(words.filter((word) => word.length > 3).concat(words[0]));
    if (random.chance(0.2) && text.length > 5) text = text.slice(0, 2) + text.slice(3); // a typo
    const filters: Partial<TalentQuery>[] = [
      { languages: [{ code: random.pick(languages), minCefr: random.pick(['A2', 'B1', 'B2']) }] },
      { residenceCountries: random.sample(catalogue.talentPartnershipCountries, 2) },
      { minEqfLevel: random.int(2, 5) },
      { minYearsOfExperience: random.int(1, 8) },
      { preferredMemberStates: [random.pick(catalogue.memberStates)] },
      { programme: ['any'] },
    ];
    return Object.assign(
      { text, sort: 'relevance' as const, limit: 20, offset: 0 },
      ...random.sample(filters, 3),
    ) as TalentQuery;
  });
}
