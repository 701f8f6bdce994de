import { AuditService } from '@app/audit';
import { ValidationFailedError } from '@app/common';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  CandidateAlreadyRegisteredError,
  CandidateNotEligibleError,
  NotACandidateAccountError,
} from '../candidate.errors';
import type { CandidateProfile, RegistrationInput } from '../candidate.types';
import { CandidateEligibility } from '../eligibility/candidate-eligibility.service';
import { isIsoDate, todayIso } from '../profile/iso-date';
import { normalisePhone } from '../profile/phone-number';
import { newReferenceCode } from '../profile/reference-code';
import { CandidateIndexRequests } from '../search/candidate-index-requests.service';
import { CandidateRepository, type CandidateRow } from '../store/candidate.repository';
import { CandidateProfiles } from './candidate-profiles.service';

const CODE_ATTEMPTS = 5;

/**
 * Second step of candidate registration: a signed-in candidate account (created and verified
 * through `/auth/register`) declares the facts eligibility rests on and gets a draft profile.
 */
@Injectable()
export class CandidateRegistration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: CandidateRepository,
    private readonly eligibility: CandidateEligibility,
    private readonly profiles: CandidateProfiles,
    private readonly indexRequests: CandidateIndexRequests,
    private readonly audit: AuditService,
  ) {}

  async register(
    principal: Principal,
    input: RegistrationInput,
    context: CallContext,
  ): Promise<CandidateProfile> {
    if (principal.role !== 'candidate') throw new NotACandidateAccountError();
    const today = todayIso();
    const claim = {
      dateOfBirth: input.dateOfBirth,
      residenceCountry: input.residenceCountry.trim().toUpperCase(),
      citizenships: [...new Set(input.citizenships.map((code) => code.trim().toUpperCase()))],
    };
    if (!isIsoDate(claim.dateOfBirth) || claim.dateOfBirth > today || claim.dateOfBirth < '1900-01-01') {
      throw new ValidationFailedError('The request is invalid', [
        { field: 'dateOfBirth', reason: 'must be a real date (YYYY-MM-DD), not in the future' },
      ]);
    }
    const phone = input.phone ? normalisePhone(input.phone, claim.residenceCountry) : null;
    const refusals = await this.eligibility.refusals(claim, today);
    if (refusals.length > 0) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, {
          actor: actorOf(principal),
          action: 'candidate.registration_refused',
          target: { type: 'account', id: principal.accountId },
          requestId: context.requestId,
          details: { reasons: refusals.map((refusal) => refusal.code) },
        }),
      );
      throw new CandidateNotEligibleError(refusals);
    }
    const registered = await this.dataSource.transaction(async (manager) => {
      let row: CandidateRow | null = null;
      for (let attempt = 0; !row && attempt < CODE_ATTEMPTS; attempt++) {
        row = await this.repository.insert(manager, {
          accountId: principal.accountId,
          referenceCode: newReferenceCode(),
          givenName: input.givenName.trim(),
          familyName: input.familyName.trim(),
          ...claim,
          phone,
        });
        if (!row && (await this.repository.findByAccount(manager, principal.accountId))) {
          throw new CandidateAlreadyRegisteredError();
        }
      }
      if (!row) throw new Error('Could not allocate a unique candidate reference code');
      await this.audit.record(manager, {
        actor: actorOf(principal),
        action: 'candidate.registered',
        target: { type: 'candidate', id: row.id },
        requestId: context.requestId,
        details: { accountId: principal.accountId },
      });
      await this.indexRequests.candidateChanged(manager, row);
      return row;
    });
    // After the commit: the profile's eligibility flag reads the pool, never beside an open transaction.
    return this.profiles.toProfile(this.dataSource.manager, registered);
  }
}
