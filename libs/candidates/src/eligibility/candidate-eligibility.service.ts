import { APP_CONFIG, type AppConfig } from '@app/config';
import { PartnerCountries } from '@app/partner-countries';
import { ReferenceData } from '@app/reference-data';
import { Inject, Injectable } from '@nestjs/common';
import { UnknownReferenceError, type EligibilityRefusal } from '../candidate.errors';
import type { CountryEligibility } from '../candidate.types';
import { eligibilityRefusals } from './eligibility';

export interface EligibilityClaim {
  dateOfBirth: string;
  residenceCountry: string;
  citizenships: readonly string[];
}

/** Gathers the facts eligibility depends on (EU membership, partner-country status) and applies the rules. */
@Injectable()
export class CandidateEligibility {
  constructor(
    private readonly referenceData: ReferenceData,
    private readonly partnerCountries: PartnerCountries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async refusals(claim: EligibilityClaim, today: string): Promise<EligibilityRefusal[]> {
    const countries = await this.countriesOn([claim.residenceCountry, ...claim.citizenships], today);
    const unknown = [claim.residenceCountry, ...claim.citizenships].filter((code) => !countries.has(code));
    if (unknown.length > 0) {
      throw new UnknownReferenceError(
        unknown.map((code) => ({
          field: code === claim.residenceCountry ? 'residenceCountry' : 'citizenships',
          reason: `${code} is not an ISO 3166-1 country code`,
        })),
      );
    }
    return eligibilityRefusals({
      dateOfBirth: claim.dateOfBirth,
      today,
      minAge: this.config.candidates.minAge,
      residence: countries.get(claim.residenceCountry)!,
      citizenships: claim.citizenships.map((code) => countries.get(code)!),
    });
  }

  /** Whether a registered candidate's countries still allow them to be found (statuses change over time). */
  async countriesAllowSearch(
    residenceCountry: string,
    citizenships: readonly string[],
    today: string,
  ): Promise<boolean> {
    const countries = await this.countriesOn([residenceCountry, ...citizenships], today);
    return [residenceCountry, ...citizenships].every((code) => {
      const country = countries.get(code);
      return (
        country !== undefined && !country.euMember && this.partnerCountries.allowsCandidates(country.status)
      );
    });
  }

  /** EU membership and partner-country status of the known countries among `codes`. */
  async countriesOn(codes: readonly string[], today: string): Promise<Map<string, CountryEligibility>> {
    const known = await this.referenceData.countriesByCode(codes);
    const present = [...known.keys()];
    const statuses = await this.partnerCountries.statusesOn(present, today);
    return new Map(
      present.map((code) => [
        code,
        { code, euMember: known.get(code)!.euMember, status: statuses.get(code)!.status },
      ]),
    );
  }
}
