import type { CandidateProfile, ProfileSections } from '../candidate.types';
import { completenessOf } from '../profile/completeness';
import { hiddenBecause } from '../search/candidate-index-sources.service';
import type { CandidateRow } from '../store/candidate.repository';

export function toCandidateProfile(
  row: CandidateRow,
  sections: ProfileSections,
  countriesAllowSearch: boolean,
): CandidateProfile {
  const reasons = hiddenBecause(row, countriesAllowSearch);
  return {
    id: row.id,
    accountId: row.accountId,
    referenceCode: row.referenceCode,
    givenName: row.givenName,
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    residenceCountry: row.residenceCountry,
    citizenships: row.citizenships,
    phone: row.phone,
    status: row.status,
    activatedAt: row.activatedAt,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...sections,
    completeness: completenessOf(sections),
    visibility: { searchable: reasons.length === 0, reasons },
  };
}
