import {
  SHORTAGE_EFFECTS,
  SHORTAGE_LAYERS,
  type ResolvedShortageList,
  type ShortageCheck,
  type ShortageEffect,
  type ShortageEntry,
  type ShortageLayer,
  type ShortageSector,
} from '@app/shortage-occupations';
import { TAXONOMY_LANGUAGES, type ConceptLabel, type TaxonomyLanguage } from '@app/taxonomy';
import { ApiProperty } from '@nestjs/swagger';

/** Labels of shortage entries' occupations (by URI) and ISCO groups (by code). */
export type EntryLabels = ReadonlyMap<string, ConceptLabel>;

export function entryLabelKeys(entries: readonly ShortageEntry[]): { uris: string[]; iscoCodes: string[] } {
  return {
    uris: entries.flatMap((entry) => (entry.occupationUri ? [entry.occupationUri] : [])),
    iscoCodes: entries.flatMap((entry) => (entry.iscoCode ? [entry.iscoCode] : [])),
  };
}

export class ShortageSectorResponse {
  @ApiProperty({ example: 'construction' }) code!: string;
  @ApiProperty({ example: 'Construction' }) name!: string;

  static from(sector: ShortageSector): ShortageSectorResponse {
    return Object.assign(new ShortageSectorResponse(), sector);
  }
}

export class ShortageEntryResponse {
  @ApiProperty({ format: 'uuid', description: 'Stable id of the entry across its versions' })
  entryId!: string;
  @ApiProperty({ format: 'uuid', description: 'Id of this version' }) versionId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SHORTAGE_LAYERS }) layer!: ShortageLayer;
  @ApiProperty({ type: String, nullable: true }) memberState!: string | null;
  @ApiProperty({ enum: SHORTAGE_EFFECTS }) effect!: ShortageEffect;
  @ApiProperty({ type: String, nullable: true }) occupationUri!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '7212' }) iscoCode!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Welders and flame cutters',
    description: 'Label of the ESCO occupation, or of the ISCO-08 group, in the reader’s language (`lang`)',
  })
  label!: string | null;
  @ApiProperty({
    enum: TAXONOMY_LANGUAGES,
    nullable: true,
    description: 'The language the label is really in',
  })
  labelLanguage!: TaxonomyLanguage | null;
  @ApiProperty() sectorCode!: string;
  @ApiProperty({ format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Last valid day' }) validTo!:
    string | null;
  @ApiProperty() withdrawn!: boolean;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) supersededAt!: string | null;

  static from(entry: ShortageEntry, labels: EntryLabels): ShortageEntryResponse {
    const label = labels.get(entry.occupationUri ?? entry.iscoCode ?? '') ?? null;
    return {
      label: label?.label ?? null,
      labelLanguage: label?.language ?? null,
      entryId: entry.entryId,
      versionId: entry.id,
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
      source: entry.source,
      recordedAt: entry.recordedAt.toISOString(),
      supersededAt: entry.supersededAt?.toISOString() ?? null,
    };
  }
}

export class ShortageListResponse {
  @ApiProperty({ example: 'DE' }) memberState!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ type: [ShortageEntryResponse], description: 'EU layer and state additions that apply' })
  entries!: ShortageEntryResponse[];
  @ApiProperty({ type: [ShortageEntryResponse], description: 'State removals applied to them' })
  removals!: ShortageEntryResponse[];

  static from(list: ResolvedShortageList, labels: EntryLabels): ShortageListResponse {
    return {
      memberState: list.memberState,
      date: list.date,
      entries: list.entries.map((entry) => ShortageEntryResponse.from(entry, labels)),
      removals: list.removals.map((entry) => ShortageEntryResponse.from(entry, labels)),
    };
  }
}

export class ShortageCheckResponse {
  @ApiProperty() inShortage!: boolean;
  @ApiProperty({ type: ShortageEntryResponse, nullable: true }) entry!: ShortageEntryResponse | null;
  @ApiProperty({ type: ShortageEntryResponse, nullable: true }) removedBy!: ShortageEntryResponse | null;

  static from(check: ShortageCheck, labels: EntryLabels): ShortageCheckResponse {
    return {
      inShortage: check.inShortage,
      entry: check.entry && ShortageEntryResponse.from(check.entry, labels),
      removedBy: check.removedBy && ShortageEntryResponse.from(check.removedBy, labels),
    };
  }
}
