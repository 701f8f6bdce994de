import { lockWithinTransaction } from '@app/database';
import { AuditService } from '@app/audit';
import {
  actorOf,
  assertOwnMemberState,
  InvalidMemberStateError,
  type CallContext,
  type Principal,
} from '@app/identity';
import { OutboxService } from '@app/queue';
import { TaxonomyLookup } from '@app/taxonomy';
import { isEuMemberState } from '@app/reference-data';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { ShortageEntryEntity } from './shortage-entry.entity';
import { toShortageEntry } from './shortage-entry.mapper';
import { ShortageSectorEntity } from './shortage-sector.entity';
import {
  EuLayerAdminOnlyError,
  InvalidShortageEntryError,
  ShortageEntryExistsError,
  ShortageEntryNotFoundError,
  ShortageEntryWithdrawnError,
} from './shortage.errors';
import type { NewShortageEntry, ShortageEntry, ShortageEntryRevision, ShortageLayer } from './shortage.types';

/**
 * Edits of the shortage list. Administrators own the EU layer, each NCP its own state's layer.
 * A change never rewrites a row: the current version is closed and a new one inserted, with an
 * audit entry and the re-indexing of the vacancies it may affect in the same transaction.
 */
@Injectable()
export class ShortageListAdministration {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyLookup,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async add(principal: Principal, input: NewShortageEntry, context: CallContext): Promise<ShortageEntry> {
    const memberState = this.authorise(principal, input.layer, input.memberState ?? null);
    if (input.layer === 'eu' && input.effect === 'removal')
      throw new InvalidShortageEntryError('effect', 'the EU layer only lists additions');
    if ((input.occupationUri === undefined) === (input.iscoCode === undefined))
      throw new InvalidShortageEntryError('occupationUri', 'give exactly one of occupationUri or iscoCode');
    if (input.occupationUri !== undefined) await this.taxonomy.getOccupation(input.occupationUri);
    if (input.iscoCode !== undefined) await this.taxonomy.getIscoGroup(input.iscoCode);
    assertWindow(input.validFrom, input.validTo ?? null);
    return this.dataSource.transaction(async (manager) => {
      await this.assertSector(manager, input.sectorCode);
      await this.assertNotListed(manager, input, memberState);
      const entity = manager.create(ShortageEntryEntity, {
        id: randomUUID(),
        entryId: randomUUID(),
        version: 1,
        layer: input.layer,
        memberState,
        effect: input.effect,
        occupationUri: input.occupationUri ?? null,
        iscoCode: input.iscoCode ?? null,
        sectorCode: input.sectorCode,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        withdrawn: false,
        reason: input.reason,
        source: null,
        recordedBy: principal.accountId,
        recordedAt: new Date(),
        supersededAt: null,
      });
      await manager.insert(ShortageEntryEntity, entity);
      await this.afterChange(manager, principal, context, 'shortage.entry_added', entity);
      return toShortageEntry(entity);
    });
  }

  async revise(
    principal: Principal,
    entryId: string,
    revision: ShortageEntryRevision,
    context: CallContext,
  ): Promise<ShortageEntry> {
    return this.supersede(principal, entryId, context, 'shortage.entry_revised', async (manager, current) => {
      if (revision.sectorCode !== undefined) await this.assertSector(manager, revision.sectorCode);
      const validFrom = revision.validFrom ?? current.validFrom;
      const validTo = revision.validTo === undefined ? current.validTo : revision.validTo;
      assertWindow(validFrom, validTo);
      return {
        sectorCode: revision.sectorCode ?? current.sectorCode,
        validFrom,
        validTo,
        reason: revision.reason,
      };
    });
  }

  async withdraw(
    principal: Principal,
    entryId: string,
    reason: string,
    context: CallContext,
  ): Promise<ShortageEntry> {
    return this.supersede(principal, entryId, context, 'shortage.entry_withdrawn', () =>
      Promise.resolve({ withdrawn: true, reason }),
    );
  }

  /** Every version of an entry, oldest first. */
  async history(principal: Principal, entryId: string): Promise<ShortageEntry[]> {
    const rows = await this.dataSource.getRepository(ShortageEntryEntity).find({
      where: { entryId },
      order: { version: 'ASC' },
    });
    if (rows.length === 0) throw new ShortageEntryNotFoundError(entryId);
    this.authorise(principal, rows[0].layer, rows[0].memberState);
    return rows.map(toShortageEntry);
  }

  private async supersede(
    principal: Principal,
    entryId: string,
    context: CallContext,
    action: string,
    change: (manager: EntityManager, current: ShortageEntryEntity) => Promise<Partial<ShortageEntryEntity>>,
  ): Promise<ShortageEntry> {
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(ShortageEntryEntity, {
        where: { entryId, supersededAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw new ShortageEntryNotFoundError(entryId);
      this.authorise(principal, current.layer, current.memberState);
      if (current.withdrawn) throw new ShortageEntryWithdrawnError();
      const next = manager.create(ShortageEntryEntity, {
        ...current,
        ...(await change(manager, current)),
        id: randomUUID(),
        version: current.version + 1,
        recordedBy: principal.accountId,
        recordedAt: new Date(),
        supersededAt: null,
      });
      await manager.update(ShortageEntryEntity, { id: current.id }, { supersededAt: next.recordedAt });
      await manager.insert(ShortageEntryEntity, next);
      await this.afterChange(manager, principal, context, action, next);
      return toShortageEntry(next);
    });
  }

  private authorise(principal: Principal, layer: ShortageLayer, memberState: string | null): string | null {
    if (layer === 'eu') {
      if (principal.role !== 'admin') throw new EuLayerAdminOnlyError();
      if (memberState !== null)
        throw new InvalidShortageEntryError('memberState', 'must be empty for the EU layer');
      return null;
    }
    if (memberState === null)
      throw new InvalidShortageEntryError('memberState', 'is required for a state layer');
    const code = memberState.toUpperCase();
    if (!isEuMemberState(code)) throw new InvalidMemberStateError(memberState);
    assertOwnMemberState(principal, code);
    return code;
  }

  /**
   * Refuses an entry that the layer already holds in force for an overlapping period: the same
   * effect on the same occupation or ISCO group in the same sector (a double submission included:
   * the key is locked first, so the second waits and finds the first).
   */
  private async assertNotListed(manager: EntityManager, input: NewShortageEntry, memberState: string | null): Promise<void> {
    const concept = input.occupationUri ?? input.iscoCode ?? '';
    await lockWithinTransaction(manager, `shortage-entry-${input.layer}-${memberState ?? 'eu'}-${input.effect}-${concept}`);
    const [found] = await manager.query<{ entryId: string }[]>(
      `SELECT entry_id AS "entryId" FROM shortage_entries
        WHERE superseded_at IS NULL AND NOT withdrawn AND layer = $1 AND member_state IS NOT DISTINCT FROM $2
          AND effect = $3 AND occupation_uri IS NOT DISTINCT FROM $4 AND isco_code IS NOT DISTINCT FROM $5
          AND sector_code = $6 AND valid_from <= COALESCE($8::date, 'infinity')
          AND COALESCE(valid_to, 'infinity') >= $7::date
        LIMIT 1`,
      [
        input.layer,
        memberState,
        input.effect,
        input.occupationUri ?? null,
        input.iscoCode ?? null,
        input.sectorCode,
        input.validFrom,
        input.validTo ?? null,
      ],
    );
    if (found) throw new ShortageEntryExistsError(found.entryId);
  }

  private async assertSector(manager: EntityManager, code: string): Promise<void> {
    if (!(await manager.existsBy(ShortageSectorEntity, { code })))
      throw new InvalidShortageEntryError('sectorCode', `unknown sector ${code}`);
  }

  private async afterChange(
    manager: EntityManager,
    principal: Principal,
    context: CallContext,
    action: string,
    entry: ShortageEntryEntity,
  ): Promise<void> {
    await this.audit.record(manager, {
      actor: actorOf(principal),
      action,
      target: { type: 'shortage_entry', id: entry.entryId },
      requestId: context.requestId,
      details: {
        version: entry.version,
        layer: entry.layer,
        memberState: entry.memberState,
        effect: entry.effect,
        occupationUri: entry.occupationUri,
        iscoCode: entry.iscoCode,
        sectorCode: entry.sectorCode,
        validFrom: entry.validFrom,
        validTo: entry.validTo,
        withdrawn: entry.withdrawn,
        reason: entry.reason,
      },
    });
    // Only the vacancies of the entry's occupations, in its Member State or (EU layer) everywhere.
    await this.outbox.add(manager, 'vacancies.sync-occupations', {
      memberState: entry.memberState,
      occupationUris: entry.occupationUri === null ? [] : [entry.occupationUri],
      iscoCodes: entry.iscoCode === null ? [] : [entry.iscoCode],
    });
  }
}

function assertWindow(validFrom: string, validTo: string | null): void {
  if (validTo !== null && validTo < validFrom)
    throw new InvalidShortageEntryError('validTo', 'must not be before validFrom');
}
