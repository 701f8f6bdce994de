import type { DataSource } from 'typeorm';

export interface OccupationProfile {
  uri: string;
  iscoCode: string;
  /** English preferred label. */
  label: string;
  essentialSkills: string[];
  optionalSkills: string[];
}

/** The reference data generation draws from, read once from a database holding ESCO and seeds. */
export interface SyntheticCatalogue {
  /** Occupations with a usable skill profile (at least 5 essential skills). */
  occupations: OccupationProfile[];
  /** Occupations covered by a current shortage-list addition, with that entry's sector. */
  shortageOccupations: { uri: string; sector: string }[];
  /** Third countries whose residents may register today, weighted towards Talent Partnership partners. */
  residenceCountries: (readonly [string, number])[];
  talentPartnershipCountries: string[];
  /** Member States participating today. */
  memberStates: string[];
  languages: Set<string>;
}

/** Reads ESCO occupation–skill profiles, shortage lists, countries and Member States. */
export async function loadCatalogue(dataSource: DataSource): Promise<SyntheticCatalogue> {
  const occupations = await dataSource.query<OccupationProfile[]>(
    `SELECT o.uri, o.isco_code AS "iscoCode", o.preferred_labels->>'en' AS label,
            array_agg(os.skill_uri ORDER BY os.skill_uri) FILTER (WHERE os.relation_type = 'essential') AS "essentialSkills",
            coalesce(array_agg(os.skill_uri ORDER BY os.skill_uri) FILTER (WHERE os.relation_type = 'optional'), '{}') AS "optionalSkills"
       FROM occupations o JOIN occupation_skills os ON os.occupation_uri = o.uri
       JOIN skills s ON s.uri = os.skill_uri AND NOT s.obsolete
      WHERE NOT o.obsolete
      GROUP BY o.uri, o.isco_code, o.preferred_labels
     HAVING count(*) FILTER (WHERE os.relation_type = 'essential') >= 5
      ORDER BY o.uri`,
  );
  const shortageOccupations = await dataSource.query<{ uri: string; sector: string }[]>(
    `SELECT DISTINCT ON (o.uri) o.uri, e.sector_code AS sector
       FROM occupations o
       JOIN shortage_entries e ON e.layer = 'eu' AND e.effect = 'addition' AND e.superseded_at IS NULL
        AND NOT e.withdrawn AND e.valid_from <= current_date AND (e.valid_to IS NULL OR e.valid_to >= current_date)
        AND (e.occupation_uri = o.uri OR (e.isco_code IS NOT NULL AND starts_with(o.isco_code, e.isco_code)))
      WHERE NOT o.obsolete
      ORDER BY o.uri, e.sector_code`,
  );
  const countries = await dataSource.query<{ code: string; status: string | null }[]>(
    `SELECT c.alpha2 AS code,
            (SELECT s.status FROM partner_country_statuses s
              WHERE s.country_code = c.alpha2 AND s.effective_from <= current_date
              ORDER BY s.effective_from DESC, s.recorded_at DESC LIMIT 1) AS status
       FROM countries c WHERE NOT c.eu_member ORDER BY c.alpha2`,
  );
  const memberStates = await dataSource.query<{ code: string }[]>(
    `SELECT country_code AS code FROM member_states
      WHERE participating AND (participation_start_date IS NULL OR participation_start_date <= current_date)
        AND (withdrawal_date IS NULL OR withdrawal_date > current_date)
      ORDER BY country_code`,
  );
  const languages = await dataSource.query<{ code: string }[]>('SELECT code FROM languages');
  const allowed = countries.filter((country) => country.status !== 'suspended');
  const known = new Set(allowed.map((country) => country.code));
  const partners = allowed.filter((country) => country.status === 'talent_partnership').map((c) => c.code);
  return {
    occupations,
    shortageOccupations,
    residenceCountries: allowed.map(
      (country) =>
        [
          country.code,
          country.status === 'talent_partnership' ? 60 : (POPULAR_ORIGINS[country.code] ?? 1),
        ] as const,
    ),
    talentPartnershipCountries: partners.filter((code) => known.has(code)),
    memberStates: memberStates.map((row) => row.code),
    languages: new Set(languages.map((row) => row.code.trim())),
  };
}

/** Extra weight for countries of origin that are frequent in labour mobility to the EU. */
const POPULAR_ORIGINS: Record<string, number> = {
  IN: 40,
  PH: 30,
  UA: 30,
  NG: 20,
  TR: 20,
  CO: 15,
  VN: 15,
  GH: 10,
  KE: 10,
  SN: 10,
  UZ: 10,
  BR: 10,
  RS: 10,
  AL: 10,
  GE: 8,
  LK: 8,
  NP: 8,
  ID: 8,
};
