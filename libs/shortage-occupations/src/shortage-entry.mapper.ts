import type { ShortageEntryEntity } from './shortage-entry.entity';
import type { ShortageEntry } from './shortage.types';

export function toShortageEntry(entity: ShortageEntryEntity): ShortageEntry {
  return {
    id: entity.id,
    entryId: entity.entryId,
    version: entity.version,
    layer: entity.layer,
    memberState: entity.memberState,
    effect: entity.effect,
    occupationUri: entity.occupationUri,
    iscoCode: entity.iscoCode,
    sectorCode: entity.sectorCode,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    withdrawn: entity.withdrawn,
    reason: entity.reason,
    source: entity.source,
    recordedBy: entity.recordedBy,
    recordedAt: entity.recordedAt,
    supersededAt: entity.supersededAt,
  };
}
