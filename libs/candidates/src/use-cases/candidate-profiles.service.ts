import { assertOwnAccount, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CandidateNotEligibleError,
  CandidateNotFoundError,
  ProfileIncompleteError,
} from '../candidate.errors';
import type { CandidateProfile, ProfileChanges, ProfileSections } from '../candidate.types';
import { CandidateEligibility } from '../eligibility/candidate-eligibility.service';
import { completenessOf } from '../profile/completeness';
import { todayIso } from '../profile/iso-date';
import { normalisePhone } from '../profile/phone-number';
import { ProfileValidator } from '../profile/profile-validator.service';
import { CandidateIndexRequests } from '../search/candidate-index-requests.service';
import { CandidateRepository, type CandidateRow } from '../store/candidate.repository';
import { toCandidateProfile } from './candidate-views';
import { withAcceptedConcepts } from './accepted-suggestions';

/** Reading and editing a candidate's own profile. */
@Injectable()
export class CandidateProfiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly validator: ProfileValidator,
    private readonly eligibility: CandidateEligibility,
    private readonly indexRequests: CandidateIndexRequests,
  ) {}

  /** The profile of the account `accountId`, for its owner or an administrator. */
  async getByAccount(principal: Principal, accountId: string): Promise<CandidateProfile> {
    assertOwnAccount(principal, accountId);
    return this.load(this.dataSource.manager, accountId);
  }

  /**
   * Validation reads the taxonomy, reference data and partner-country statuses through their owners'
   * pooled services, so it runs before the transaction opens; the locked row and sections must still
   * be those it checked against, or it checks again.
   */
  /** Adds accepted ESCO suggestions to the caller's profile, through the same checks as any update. */
  async acceptConcepts(
    principal: Principal,
    accepted: { occupationUris: readonly string[]; skillUris: readonly string[] },
  ): Promise<CandidateProfile> {
    const profile = await this.getByAccount(principal, principal.accountId);
    return this.update(principal, withAcceptedConcepts(profile, accepted));
  }

  async update(principal: Principal, changes: ProfileChanges): Promise<CandidateProfile> {
    assertOwnAccount(principal, principal.accountId);
    const today = todayIso();
    for (;;) {
      const checked = await this.checkedChanges(principal.accountId, changes, today);
      const written = await this.dataSource.transaction(async (manager) => {
        const row = await this.repository.findByAccount(manager, principal.accountId, { lock: 'update' });
        if (!row) throw new CandidateNotFoundError();
        const current = (await this.repository.sectionsOf(manager, [row])).get(row.id)!;
        if (stateOf(row, current) !== checked.state) return false;
        await this.repository.replaceSections(manager, row.id, checked.valid);
        await this.repository.updateRow(manager, row.id, { ...checked.valid, phone: checked.phone });
        await this.indexRequests.candidateChanged(manager, row);
        return true;
      });
      if (written) return this.load(this.dataSource.manager, principal.accountId);
    }
  }

  private async checkedChanges(
    accountId: string,
    changes: ProfileChanges,
    today: string,
  ): Promise<{ state: string; valid: ProfileChanges; phone: string | null | undefined }> {
    const manager = this.dataSource.manager;
    const row = await this.repository.findByAccount(manager, accountId);
    if (!row) throw new CandidateNotFoundError();
    const current = (await this.repository.sectionsOf(manager, [row])).get(row.id)!;
    const valid = await this.validator.validate(changes, { today, currentProgramme: current.programme });
    if (valid.residenceCountry !== undefined || valid.citizenships !== undefined) {
      const refusals = await this.eligibility.refusals(
        {
          dateOfBirth: row.dateOfBirth,
          residenceCountry: valid.residenceCountry ?? row.residenceCountry,
          citizenships: valid.citizenships ?? row.citizenships,
        },
        today,
      );
      if (refusals.length > 0) throw new CandidateNotEligibleError(refusals);
    }
    const phone =
      valid.phone === undefined || valid.phone === null
        ? valid.phone
        : normalisePhone(valid.phone, valid.residenceCountry ?? row.residenceCountry);
    const next = completenessOf({ ...current, ...definedSections(valid) });
    if (row.status !== 'draft' && !next.readyForActivation) {
      throw new ProfileIncompleteError(
        next.missing.filter((entry) => entry.requiredForActivation).map((entry) => entry.item),
      );
    }
    return { state: stateOf(row, current), valid, phone };
  }

  /**
   * Whole profiles (identity included) for features that decide themselves, under their own
   * rules, what of it a reader may see; never hand one to a reader as it is.
   */
  async findById(candidateId: string): Promise<CandidateProfile | null> {
    const [row] = await this.repository.findByIds(this.dataSource.manager, [candidateId]);
    return row ? this.toProfile(this.dataSource.manager, row) : null;
  }

  async findByReferenceCode(referenceCode: string): Promise<CandidateProfile | null> {
    const row = await this.repository.findByReferenceCode(this.dataSource.manager, referenceCode);
    return row ? this.toProfile(this.dataSource.manager, row) : null;
  }

  async findByAccount(accountId: string): Promise<CandidateProfile | null> {
    const row = await this.repository.findByAccount(this.dataSource.manager, accountId);
    return row ? this.toProfile(this.dataSource.manager, row) : null;
  }

  async load(manager: EntityManager, accountId: string): Promise<CandidateProfile> {
    const row = await this.repository.findByAccount(manager, accountId);
    if (!row) throw new CandidateNotFoundError();
    return this.toProfile(manager, row);
  }

  /** The profile of this row; `known` are its sections when the caller read them in the same transaction. */
  async toProfile(
    manager: EntityManager,
    row: CandidateRow,
    known?: ProfileSections,
  ): Promise<CandidateProfile> {
    const sections = known ?? (await this.repository.sectionsOf(manager, [row])).get(row.id)!;
    const allow = await this.eligibility.countriesAllowSearch(
      row.residenceCountry,
      row.citizenships,
      todayIso(),
    );
    return toCandidateProfile(row, sections, allow);
  }
}

/** Everything a profile change is checked against, to tell whether it changed since. */
function stateOf(row: CandidateRow, sections: ProfileSections): string {
  return JSON.stringify([{ ...row, updatedAt: undefined }, sections]);
}

function definedSections(changes: ProfileChanges): Partial<ProfileChanges> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
