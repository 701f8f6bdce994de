import { InvalidMemberStateError } from '@app/identity';
import { isEuMemberState } from '@app/reference-data';
import { TaxonomyLookup } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { ShortageEntryEntity } from './shortage-entry.entity';
import { toShortageEntry } from './shortage-entry.mapper';
import { appliesOn, checkShortage, resolveList } from './shortage-list';
import { ShortageSectorEntity } from './shortage-sector.entity';
import type {
  OccupationRef,
  ResolvedShortageList,
  ShortageCheck,
  ShortageEntry,
  ShortageSector,
} from './shortage.types';

/** Answers which occupations are in shortage where and when, from the current entry versions. */
@Injectable()
export class ShortageLists {
  constructor(
    @InjectRepository(ShortageEntryEntity) private readonly entries: Repository<ShortageEntryEntity>,
    @InjectRepository(ShortageSectorEntity) private readonly sectors: Repository<ShortageSectorEntity>,
    private readonly taxonomy: TaxonomyLookup,
  ) {}

  async listSectors(): Promise<ShortageSector[]> {
    const rows = await this.sectors.find({ order: { code: 'ASC' } });
    return rows.map((row) => ({ code: row.code, name: row.name }));
  }

  async resolve(memberState: string, date: string): Promise<ResolvedShortageList> {
    const code = memberStateCode(memberState);
    const { entries, removals } = resolveList(await this.currentRules(code), code, date);
    return { memberState: code, date, entries, removals };
  }

  /**
   * The EU layer itself on a day: every EU entry that applies, whether or not Member States removed
   * it from their own lists (a resolved list shows only what a state keeps).
   */
  async euLayer(date: string): Promise<ShortageEntry[]> {
    const rows = await this.entries.find({
      where: { layer: 'eu', supersededAt: IsNull() },
      order: { validFrom: 'ASC', recordedAt: 'ASC', entryId: 'ASC' },
    });
    return rows.map(toShortageEntry).filter((entry) => appliesOn(entry, date));
  }

  async check(occupationUri: string, memberState: string, date: string): Promise<ShortageCheck> {
    const occupation = await this.taxonomy.getOccupation(occupationUri);
    return this.checkOccupation({ uri: occupation.uri, iscoCode: occupation.iscoCode }, memberState, date);
  }

  async checkOccupation(
    occupation: OccupationRef,
    memberState: string,
    date: string,
  ): Promise<ShortageCheck> {
    const code = memberStateCode(memberState);
    return checkShortage(await this.currentRules(code), occupation, code, date);
  }

  /** One read for many checks in the same state and day (indexing many vacancies). */
  async checkerFor(memberState: string, date: string): Promise<(occupation: OccupationRef) => ShortageCheck> {
    const code = memberStateCode(memberState);
    const rules = await this.currentRules(code);
    return (occupation) => checkShortage(rules, occupation, code, date);
  }

  private async currentRules(memberState: string): Promise<ShortageEntry[]> {
    const rows = await this.entries.find({
      where: [
        { layer: 'eu', supersededAt: IsNull() },
        { layer: 'member_state', memberState, supersededAt: IsNull() },
      ],
      order: { validFrom: 'ASC', recordedAt: 'ASC' },
    });
    return rows.map(toShortageEntry);
  }
}

function memberStateCode(value: string): string {
  const code = value.toUpperCase();
  if (!isEuMemberState(code)) throw new InvalidMemberStateError(value);
  return code;
}
