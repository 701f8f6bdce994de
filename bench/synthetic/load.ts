import type { DataSource, EntityManager } from 'typeorm';
import type { SyntheticCandidate, SyntheticEmployer, SyntheticVacancy } from './generate';

/** A valid argon2id hash of a password nobody knows: synthetic accounts exist but cannot sign in. */
export const SYNTHETIC_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$xNaqSvvloiKl4+++gGpWdw$nVcNLWiw6wEIwqZN6oFpp42czuGu7WIS/v9+NWyzZTE';

const BATCH = 5_000;

async function inBatches<T>(
  dataSource: DataSource,
  items: readonly T[],
  write: (manager: EntityManager, batch: readonly T[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    await dataSource.transaction((manager) => write(manager, batch));
  }
}

/** Columns as parallel arrays: one `INSERT … SELECT FROM unnest(…)` per table and batch. */
function columns<T, K extends string>(rows: readonly T[], pick: (row: T) => Record<K, unknown>) {
  const out = {} as Record<K, unknown[]>;
  for (const row of rows) {
    for (const [key, value] of Object.entries(pick(row)) as [K, unknown][]) (out[key] ??= []).push(value);
  }
  return out;
}

/** Accounts, candidates and their profile sections, in the product's schema. */
export async function insertCandidates(dataSource: DataSource, candidates: readonly SyntheticCandidate[]) {
  await inBatches(dataSource, candidates, async (manager, batch) => {
    const accounts = columns(batch, (c) => ({ id: c.accountId, email: c.email }));
    await manager.query(
      `INSERT INTO accounts (id, email, password_hash, role, email_verified_at)
       SELECT id, email, $3, 'candidate', now() FROM unnest($1::uuid[], $2::text[]) AS t(id, email)`,
      [accounts.id, accounts.email, SYNTHETIC_PASSWORD_HASH],
    );
    const rows = columns(batch, (c) => ({
      id: c.candidateId,
      account: c.accountId,
      code: c.referenceCode,
      given: c.givenName,
      family: c.familyName,
      birth: c.dateOfBirth,
      residence: c.residenceCountry,
      status: c.status,
      availability: c.availability,
      start: c.earliestStartDate,
      preferred: `{${c.preferredMemberStates.join(',')}}`,
      programme: c.programme?.type ?? null,
      partner: c.programme?.partnerCountry ?? null,
      activated: c.activatedAt,
      expires: c.expiresAt,
    }));
    await manager.query(
      `INSERT INTO candidates (id, account_id, reference_code, given_name, family_name, date_of_birth,
         residence_country, citizenships, status, availability, earliest_start_date, preferred_member_states,
         programme_type, programme_partner_country, activated_at, expires_at)
       SELECT id, account, code, given, family, birth, residence, ARRAY[residence], status, availability, start,
              preferred::char(2)[], programme, partner, activated, expires
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::char(2)[],
                     $8::text[], $9::text[], $10::date[], $11::text[], $12::text[], $13::char(2)[],
                     $14::timestamptz[], $15::timestamptz[])
           AS t(id, account, code, given, family, birth, residence, status, availability, start, preferred,
                programme, partner, activated, expires)`,
      [
        rows.id,
        rows.account,
        rows.code,
        rows.given,
        rows.family,
        rows.birth,
        rows.residence,
        rows.status,
        rows.availability,
        rows.start,
        rows.preferred,
        rows.programme,
        rows.partner,
        rows.activated,
        rows.expires,
      ],
    );
    const occupations = columns(
      batch.flatMap((c) => c.occupations.map((o) => ({ id: c.candidateId, ...o }))),
      (o) => ({ id: o.id, uri: o.uri, years: o.yearsOfExperience }),
    );
    await manager.query(
      `INSERT INTO candidate_occupations (candidate_id, occupation_uri, years_of_experience)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::numeric[])`,
      [occupations.id, occupations.uri, occupations.years],
    );
    const skills = columns(
      batch.flatMap((c) => c.skills.map((s) => ({ id: c.candidateId, ...s }))),
      (s) => ({
        id: s.id,
        uri: s.uri,
        level: s.level,
        years: s.yearsOfExperience,
        programme: s.viaProgramme,
      }),
    );
    await manager.query(
      `INSERT INTO candidate_skills (candidate_id, skill_uri, level, years_of_experience, programme)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::boolean[])`,
      [skills.id, skills.uri, skills.level, skills.years, skills.programme],
    );
    const languages = columns(
      batch.flatMap((c) => c.languages.map((l) => ({ id: c.candidateId, ...l }))),
      (l) => ({ id: l.id, code: l.code, cefr: l.cefr }),
    );
    await manager.query(
      `INSERT INTO candidate_languages (candidate_id, language_code, cefr_level)
       SELECT * FROM unnest($1::uuid[], $2::char(2)[], $3::char(2)[])`,
      [languages.id, languages.code, languages.cefr],
    );
    const education = columns(
      batch.flatMap((c) => c.education.map((e, position) => ({ id: c.candidateId, position, ...e }))),
      (e) => ({
        id: e.id,
        position: e.position,
        eqf: e.eqfLevel,
        field: e.field,
        country: e.countryCode,
        year: e.completionYear,
      }),
    );
    await manager.query(
      `INSERT INTO candidate_education (candidate_id, position, eqf_level, field, country_code, completion_year)
       SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::smallint[], $4::text[], $5::char(2)[], $6::smallint[])`,
      [education.id, education.position, education.eqf, education.field, education.country, education.year],
    );
  });
}

/** Verified employer organisations (no users: benchmarks add the one they sign in with). */
export async function insertEmployers(dataSource: DataSource, employers: readonly SyntheticEmployer[]) {
  await inBatches(dataSource, employers, async (manager, batch) => {
    const rows = columns(batch, (e) => ({
      id: e.id,
      name: e.name,
      state: e.memberState,
      number: e.registrationNumber,
    }));
    await manager.query(
      `INSERT INTO employer_organisations (id, name, country_code, registration_number, status, status_changed_at,
         contact_name, contact_email)
       SELECT id, name, state, number, 'verified', now(), 'Synthetic contact', 'contact@example.invalid'
         FROM unnest($1::uuid[], $2::text[], $3::char(2)[], $4::text[]) AS t(id, name, state, number)`,
      [rows.id, rows.name, rows.state, rows.number],
    );
  });
}

/** Published vacancies of the synthetic employers. */
export async function insertVacancies(dataSource: DataSource, vacancies: readonly SyntheticVacancy[]) {
  await inBatches(dataSource, vacancies, async (manager, batch) => {
    const rows = columns(batch, (v) => ({
      id: v.id,
      organisation: v.organisationId,
      title: v.title,
      description: v.description,
      occupation: v.occupationUri,
      state: v.memberState,
      city: v.city,
      contract: v.contractType,
      hours: v.hoursPerWeek,
      posts: v.numberOfPosts,
      payMin: v.pay?.min ?? null,
      payMax: v.pay?.max ?? null,
      currency: v.pay?.currency ?? null,
      period: v.pay?.period ?? null,
      skills: JSON.stringify(v.skills),
      languages: JSON.stringify(v.languages),
      eqf: v.minEqfLevel,
      experience: v.minExperienceYears,
      competitiveness: v.contributesToCompetitiveness,
      published: v.publishedAt,
      expires: v.expiresAt,
    }));
    await manager.query(
      `INSERT INTO vacancies (id, organisation_id, status, title, description, occupation_uri, member_state, city,
         contact_name, contact_email, contract_type, hours_per_week, number_of_posts, pay_min, pay_max,
         pay_currency, pay_period, skills, languages, min_eqf_level, min_experience_years,
         contributes_to_competitiveness, competitiveness_justification, published_at, expires_at)
       SELECT id, organisation, 'published', title, description, occupation, state, city,
              'Synthetic contact', 'jobs@example.invalid', contract, hours, posts, pay_min, pay_max,
              currency, period, skills, languages, eqf, experience, competitiveness,
              CASE WHEN competitiveness THEN 'Synthetic: key skills for a strategic project' END, published, expires
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::char(2)[], $7::text[],
                     $8::text[], $9::numeric[], $10::integer[], $11::numeric[], $12::numeric[], $13::char(3)[],
                     $14::text[], $15::jsonb[], $16::jsonb[], $17::smallint[], $18::smallint[], $19::boolean[],
                     $20::timestamptz[], $21::timestamptz[])
           AS t(id, organisation, title, description, occupation, state, city, contract, hours, posts, pay_min,
                pay_max, currency, period, skills, languages, eqf, experience, competitiveness, published, expires)`,
      [
        rows.id,
        rows.organisation,
        rows.title,
        rows.description,
        rows.occupation,
        rows.state,
        rows.city,
        rows.contract,
        rows.hours,
        rows.posts,
        rows.payMin,
        rows.payMax,
        rows.currency,
        rows.period,
        rows.skills,
        rows.languages,
        rows.eqf,
        rows.experience,
        rows.competitiveness,
        rows.published,
        rows.expires,
      ],
    );
  });
}
