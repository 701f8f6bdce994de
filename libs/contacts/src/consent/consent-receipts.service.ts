import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentReceiptView, DisclosedField } from '../contact.types';

export interface NewReceipt {
  contactId: string | null;
  candidateId: string | null;
  organisationId: string;
  vacancyId: string;
  event: ConsentReceiptView['event'];
  via: ConsentReceiptView['via'];
  fields: DisclosedField[];
  textVersion: string;
  language: string;
}

const COLUMNS = `id, contact_id AS "contactId", organisation_id AS "organisationId", vacancy_id AS "vacancyId",
  event, via, fields, text_version AS "textVersion", language, recorded_at AS "recordedAt"`;

/** One receipt per consent and per withdrawal, written in the transaction of the change. */
@Injectable()
export class ConsentReceipts {
  async record(manager: EntityManager, receipt: NewReceipt): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO consent_receipts (contact_id, candidate_id, organisation_id, vacancy_id, event, via, fields,
                                     text_version, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        receipt.contactId,
        receipt.candidateId,
        receipt.organisationId,
        receipt.vacancyId,
        receipt.event,
        receipt.via,
        receipt.fields,
        receipt.textVersion,
        receipt.language,
      ],
    );
    return id;
  }

  async ofCandidate(manager: EntityManager, candidateId: string): Promise<ConsentReceiptView[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM consent_receipts WHERE candidate_id = $1 ORDER BY recorded_at, id`,
      [candidateId],
    );
  }
}
