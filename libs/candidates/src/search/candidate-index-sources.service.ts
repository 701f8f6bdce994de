import { allowsCandidates } from '@app/partner-countries';
import { ReferenceData } from '@app/reference-data';
import { shortageAdditionsOnSql } from '@app/shortage-occupations';
import { OCCUPATIONS_SQL, TaxonomyLookup } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CandidateEligibility } from '../eligibility/candidate-eligibility.service';
import { todayIso } from '../profile/iso-date';
import { CandidateRepository, type CandidateRow } from '../store/candidate.repository';
import type { ProfileSections } from '../candidate.types';
import type { CandidateIndexSource } from './candidate-document';

export interface IndexDecision {
  candidateId: string;
  referenceCode: string;
  /** The document source when the candidate belongs in the index, null when it must be absent. */
  source: CandidateIndexSource | null;
}

/** Why a profile is not searchable; empty when it is. */
export function hiddenBecause(row: CandidateRow, countriesAllow: boolean): string[] {
  const reasons: string[] = [];
  if (row.status !== 'active') reasons.push(`the profile is ${row.status}`);
  if (row.availability !== 'available') reasons.push(`the profile is marked ${row.availability}`);
  if (!countriesAllow) reasons.push('a country of residence or citizenship is currently suspended');
  return reasons;
}

/** Reads candidates from Postgres and decides, for each, what the index should hold. */
@Injectable()
export class CandidateIndexSources {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly eligibility: CandidateEligibility,
    private readonly taxonomy: TaxonomyLookup,
    private readonly referenceData: ReferenceData,
  ) {}

  async decide(candidateIds: readonly string[]): Promise<Map<string, IndexDecision>> {
    const manager = this.dataSource.manager;
    const rows = await this.repository.findByIds(manager, candidateIds);
    const today = todayIso();
    const countries = await this.eligibility.countriesOn(
      rows.flatMap((row) => [row.residenceCountry, ...row.citizenships]),
      today,
    );
    const allowed = (code: string) => {
      const country = countries.get(code);
      return country !== undefined && !country.euMember && allowsCandidates(country.status);
    };
    const searchable = rows.filter(
      (row) => hiddenBecause(row, [row.residenceCountry, ...row.citizenships].every(allowed)).length === 0,
    );
    const sections = await this.repository.sectionsOf(manager, searchable);
    const documents = await this.sources(searchable, sections);
    return new Map(
      rows.map((row) => [
        row.id,
        { candidateId: row.id, referenceCode: row.referenceCode, source: documents.get(row.id) ?? null },
      ]),
    );
  }

  private async sources(
    rows: readonly CandidateRow[],
    sections: Map<string, ProfileSections>,
  ): Promise<Map<string, CandidateIndexSource>> {
    const all = [...sections.values()];
    const occupationUris = [
      ...new Set(all.flatMap((profile) => profile.occupations.map((entry) => entry.uri))),
    ];
    const [occupations, skills, cefr, sectors] = await Promise.all([
      this.taxonomy.findOccupations(occupationUris),
      this.taxonomy.findSkills(all.flatMap((profile) => profile.skills.map((entry) => entry.uri))),
      this.referenceData.listCefrLevels(),
      this.shortageSectors(occupationUris),
    ]);
    const occupationByUri = new Map(occupations.map((occupation) => [occupation.uri, occupation]));
    const skillByUri = new Map(skills.map((skill) => [skill.uri, skill]));
    const rankOf = new Map(cefr.map((level) => [level.code, level.rank]));
    return new Map(
      rows.map((row) => {
        const profile = sections.get(row.id)!;
        return [
          row.id,
          {
            referenceCode: row.referenceCode,
            residenceCountry: row.residenceCountry,
            occupations: profile.occupations.map((entry) => ({
              uri: entry.uri,
              iscoCode: occupationByUri.get(entry.uri)?.iscoCode ?? '',
              labels: occupationByUri.get(entry.uri)?.preferredLabels ?? {},
              altLabels: occupationByUri.get(entry.uri)?.altLabels ?? {},
              yearsOfExperience: entry.yearsOfExperience,
            })),
            sectors: [
              ...new Set(profile.occupations.flatMap((entry) => sectors.get(entry.uri) ?? [])),
            ].sort(),
            skills: profile.skills.map((entry) => ({
              uri: entry.uri,
              labels: skillByUri.get(entry.uri)?.preferredLabels ?? {},
              level: entry.level ?? null,
              yearsOfExperience: entry.yearsOfExperience ?? null,
              viaProgramme: entry.viaProgramme ?? false,
            })),
            languages: profile.languages.map((entry) => ({
              code: entry.code,
              cefr: entry.cefr,
              cefrRank: rankOf.get(entry.cefr) ?? 0,
            })),
            eqfLevels: profile.education.map((entry) => entry.eqfLevel),
            preferredMemberStates: profile.preferredMemberStates,
            earliestStartDate: profile.earliestStartDate,
            programme: profile.programme,
            expiresAt: row.expiresAt,
            updatedAt: row.updatedAt,
          },
        ];
      }),
    );
  }

  /**
   * Sectors of the shortage entries (any layer) covering each occupation today, by URI or by ISCO
   * group; statistics and search group candidates by them.
   */
  private async shortageSectors(occupationUris: readonly string[]): Promise<Map<string, string[]>> {
    if (occupationUris.length === 0) return new Map();
    const rows = await this.dataSource.query<{ uri: string; sectors: string[] }[]>(
      `SELECT o.uri, array_agg(DISTINCT e.sector_code) AS sectors
         FROM ${OCCUPATIONS_SQL} o
         JOIN ${shortageAdditionsOnSql('current_date')} e
           ON e.occupation_uri = o.uri OR (e.isco_code IS NOT NULL AND starts_with(o.isco_code, e.isco_code))
        WHERE o.uri = ANY($1)
        GROUP BY o.uri`,
      [[...occupationUris]],
    );
    return new Map(rows.map((row) => [row.uri, row.sectors]));
  }
}
