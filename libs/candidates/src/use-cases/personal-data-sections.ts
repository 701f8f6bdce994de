import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Whose data a section collects: the account, and its candidate profile when one exists. */
export interface DataSubject {
  accountId: string;
  candidateId: string | null;
}

/** A feature's share of a data export (matches, contact requests…), registered at module init. */
export interface PersonalDataSection {
  readonly name: 'matches' | 'contactRequests' | (string & {});
  /** Reads through `manager`: the export's own transaction. */
  collect(manager: EntityManager, subject: DataSubject): Promise<unknown[]>;
  /**
   * Runs in the erasure transaction before the account and profile rows are deleted, for what a
   * cascade cannot do alone (closing consents with a receipt, telling the other side).
   */
  beforeErasure?(manager: EntityManager, subject: DataSubject & { candidateId: string }): Promise<void>;
}

/** Features that hold personal data about candidates register a section here so exports include it. */
@Injectable()
export class PersonalDataSections {
  private readonly sections = new Map<string, PersonalDataSection>();

  register(section: PersonalDataSection): void {
    this.sections.set(section.name, section);
  }

  async beforeErasure(manager: EntityManager, subject: DataSubject & { candidateId: string }): Promise<void> {
    for (const section of this.sections.values()) await section.beforeErasure?.(manager, subject);
  }

  /** Every registered section, plus the empty lists of those not built yet, so the format is stable. */
  async collect(manager: EntityManager, subject: DataSubject): Promise<Record<string, unknown[]>> {
    const result: Record<string, unknown[]> = { matches: [], contactRequests: [] };
    for (const section of this.sections.values())
      result[section.name] = await section.collect(manager, subject);
    return result;
  }
}
