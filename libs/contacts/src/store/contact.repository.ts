import { lockWithinTransaction } from '@app/database';
import type { ReaderLanguage } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentState, ContactOrigin, DisclosedField, Stage } from '../contact.types';

export interface ContactRow {
  id: string;
  vacancyId: string;
  organisationId: string;
  candidateId: string;
  origin: ContactOrigin;
  consent: ConsentState;
  consentChangedAt: Date;
  sharedFields: DisclosedField[];
  stage: Stage;
  stageChangedAt: Date;
  openingMessage: string | null;
  requestedBy: string | null;
  requestedAt: Date | null;
  candidateLanguage: ReaderLanguage;
  employerLanguage: ReaderLanguage;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, vacancy_id AS "vacancyId", organisation_id AS "organisationId",
  candidate_id AS "candidateId", origin, consent, consent_changed_at AS "consentChangedAt",
  shared_fields AS "sharedFields", stage, stage_changed_at AS "stageChangedAt",
  opening_message AS "openingMessage", requested_by AS "requestedBy", requested_at AS "requestedAt",
  candidate_language AS "candidateLanguage", employer_language AS "employerLanguage",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export type ContactChanges = Partial<
  Pick<
    ContactRow,
    | 'origin'
    | 'consent'
    | 'sharedFields'
    | 'stage'
    | 'openingMessage'
    | 'requestedBy'
    | 'requestedAt'
    | 'candidateLanguage'
    | 'employerLanguage'
  >
>;

const CHANGE_COLUMNS: Record<keyof ContactChanges, string> = {
  origin: 'origin',
  consent: 'consent',
  sharedFields: 'shared_fields',
  stage: 'stage',
  openingMessage: 'opening_message',
  requestedBy: 'requested_by',
  requestedAt: 'requested_at',
  candidateLanguage: 'candidate_language',
  employerLanguage: 'employer_language',
};

/** SQL of the contacts table; every statement takes the caller's manager (and transaction). */
@Injectable()
export class ContactRepository {
  async findById(manager: EntityManager, id: string, lock = false): Promise<ContactRow | null> {
    const rows: ContactRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM contacts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * The pair's contact. With `lock`, the pair stays the transaction's until it ends, whether or not
   * a contact exists yet, so two requests or applications for the same pair take turns.
   */
  async findPair(
    manager: EntityManager,
    vacancyId: string,
    candidateId: string,
    lock = false,
  ): Promise<ContactRow | null> {
    if (lock) await lockWithinTransaction(manager, `contact-pair-${vacancyId}-${candidateId}`);
    const rows: ContactRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM contacts WHERE vacancy_id = $1 AND candidate_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [vacancyId, candidateId],
    );
    return rows[0] ?? null;
  }

  async listByVacancy(manager: EntityManager, vacancyId: string): Promise<ContactRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM contacts WHERE vacancy_id = $1 ORDER BY created_at DESC LIMIT 1000`,
      [vacancyId],
    );
  }

  async listByCandidate(manager: EntityManager, candidateId: string): Promise<ContactRow[]> {
    return manager.query(`SELECT ${COLUMNS} FROM contacts WHERE candidate_id = $1 ORDER BY updated_at DESC`, [
      candidateId,
    ]);
  }

  /** The language the candidate last used on any contact, for mails before they answer this one. */
  async candidateLanguage(manager: EntityManager, candidateId: string): Promise<ReaderLanguage | null> {
    const rows: { language: ReaderLanguage }[] = await manager.query(
      `SELECT candidate_language AS language FROM contacts WHERE candidate_id = $1 ORDER BY updated_at DESC LIMIT 1`,
      [candidateId],
    );
    return rows[0]?.language ?? null;
  }

  async insert(
    manager: EntityManager,
    row: Pick<ContactRow, 'vacancyId' | 'organisationId' | 'candidateId'> & Required<ContactChanges>,
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO contacts (vacancy_id, organisation_id, candidate_id, origin, consent, shared_fields, stage,
                             opening_message, requested_by, requested_at, candidate_language, employer_language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        row.vacancyId,
        row.organisationId,
        row.candidateId,
        row.origin,
        row.consent,
        row.sharedFields,
        row.stage,
        row.openingMessage,
        row.requestedBy,
        row.requestedAt,
        row.candidateLanguage,
        row.employerLanguage,
      ],
    );
    return id;
  }

  /** Updates the given fields; consent and stage changes also move their timestamps. */
  async update(manager: EntityManager, id: string, changes: ContactChanges): Promise<void> {
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined) as [
      keyof ContactChanges,
      unknown,
    ][];
    const sets = entries.map(([key], index) => `${CHANGE_COLUMNS[key]} = $${index + 2}`);
    if (changes.consent !== undefined) sets.push('consent_changed_at = now()');
    if (changes.stage !== undefined) sets.push('stage_changed_at = now()');
    sets.push('updated_at = now()');
    await manager.query(`UPDATE contacts SET ${sets.join(', ')} WHERE id = $1`, [
      id,
      ...entries.map(([, value]) => value),
    ]);
  }
}
