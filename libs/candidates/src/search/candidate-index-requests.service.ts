import { OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Asks the worker, through the outbox and in the caller's transaction, to bring the index and the
 * candidate's matches in line.
 */
@Injectable()
export class CandidateIndexRequests {
  constructor(private readonly outbox: OutboxService) {}

  /** One message per candidate: messages relayed together for the same candidate collapse into one job. */
  async candidateChanged(
    manager: EntityManager,
    candidate: { id: string; referenceCode: string },
  ): Promise<void> {
    await this.outbox.add(manager, 'candidates.sync-index', {
      candidateId: candidate.id,
      referenceCode: candidate.referenceCode,
    });
  }

  /**
   * Re-evaluates every candidate residing in or holding the citizenship of `countryCode`, e.g.
   * after its partner-country status changed: suspended countries' candidates leave the index.
   */
  async countryChanged(manager: EntityManager, countryCode: string): Promise<void> {
    const code = countryCode.toUpperCase();
    await this.outbox.add(manager, 'candidates.reindex-country', { countryCode: code });
  }
}
