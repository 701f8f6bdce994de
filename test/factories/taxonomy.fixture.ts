import type { DataSource } from 'typeorm';

/** A few real ESCO concepts (and one made-up outside the shortage list), instead of a full import. */
export const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
export const FASHION_DESIGNER = 'http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-00000000d163';
export const WELDING_SKILL = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0000000005c1';
export const UNKNOWN_SKILL = 'http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0000000000ff';

const ISCO = [
  ['7', null, 'Craft and related trades workers'],
  ['72', '7', 'Metal, machinery and related trades workers'],
  ['721', '72', 'Sheet and structural metal workers, moulders and welders'],
  ['7212', '721', 'Welders and flamecutters'],
  ['2', null, 'Professionals'],
  ['21', '2', 'Science and engineering professionals'],
  ['216', '21', 'Architects, planners, surveyors and designers'],
  ['2163', '216', 'Product and garment designers'],
] as const;

export async function insertTaxonomyFixture(dataSource: DataSource): Promise<void> {
  for (const [code, parent, label] of ISCO) {
    await dataSource.query(
      `INSERT INTO isco_groups (code, uri, parent_code, preferred_labels, alt_labels)
       VALUES ($1, $2, $3, $4, '{}') ON CONFLICT DO NOTHING`,
      [code, `http://data.europa.eu/esco/isco/C${code}`, parent, JSON.stringify({ en: label })],
    );
  }
  const occupations = [
    [WELDER, '7212', { en: 'welder', fr: 'soudeur/soudeuse', es: 'soldador/soldadora' }],
    [FASHION_DESIGNER, '2163', { en: 'fashion designer' }],
  ] as const;
  for (const [uri, isco, labels] of occupations) {
    await dataSource.query(
      `INSERT INTO occupations (uri, code, isco_code, preferred_labels, alt_labels, status)
       VALUES ($1, $2, $2, $3, '{}', 'released') ON CONFLICT DO NOTHING`,
      [uri, isco, JSON.stringify(labels)],
    );
  }
  await dataSource.query(
    `INSERT INTO skills (uri, skill_type, preferred_labels, alt_labels, status)
     VALUES ($1, 'skill/competence', '{"en":"weld metal"}', '{}', 'released') ON CONFLICT DO NOTHING`,
    [WELDING_SKILL],
  );
}
