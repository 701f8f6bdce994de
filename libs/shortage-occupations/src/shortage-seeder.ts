import { shippedDataPath } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { SHORTAGE_SECTORS, type ShortageSectorCode } from './shortage.types';

export const SEED_FILE = 'eures_2022_top15_shortage_occupations.csv';
export const SEED_VALID_FROM = '2023-03-01';
const SEED_SOURCE = 'EURES report on labour shortages and surpluses 2022, top 15 (seed data)';

/** Sector of a seeded ISCO-08 unit group, by its most specific known prefix. */
const SECTOR_BY_ISCO_PREFIX: ReadonlyArray<[string, ShortageSectorCode]> = [
  ['2221', 'healthcare'],
  ['22', 'healthcare'],
  ['25', 'ict'],
  ['35', 'ict'],
  ['51', 'hospitality'],
  ['83', 'transport_logistics'],
  ['71', 'construction'],
  ['7411', 'construction'],
  ['93', 'construction'],
  ['72', 'manufacturing'],
  ['74', 'manufacturing'],
];

export function seedSectorOf(iscoCode: string): ShortageSectorCode {
  const matches = SECTOR_BY_ISCO_PREFIX.filter(([prefix]) => iscoCode.startsWith(prefix));
  matches.sort((a, b) => b[0].length - a[0].length);
  return matches[0]?.[1] ?? 'other';
}

export interface ShortageSeedReport {
  sectors: number;
  entriesAdded: number;
}

/**
 * Loads the sectors and, once, the shipped EURES 2022 top-15 list into the EU layer. The list has
 * no per-country data, so Member State layers start empty. Administrators' later changes are kept:
 * seed entries are only added when the EU layer has none from this source.
 */
@Injectable()
export class ShortageSeeder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async seed(file = shippedDataPath('shortages', SEED_FILE)): Promise<ShortageSeedReport> {
    const rows = parse<Record<string, string>>(await readFile(file, 'utf8'), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    });
    rows.forEach((row, i) => {
      if (!/^\d{4}$/.test(row.isco_code)) throw new Error(`${SEED_FILE}:${i + 2}: invalid isco_code`);
    });
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO shortage_sectors (code, name) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE shortage_sectors.name <> EXCLUDED.name`,
        [SHORTAGE_SECTORS.map((sector) => sector.code), SHORTAGE_SECTORS.map((sector) => sector.name)],
      );
      const added = await manager.query<unknown[]>(
        `INSERT INTO shortage_entries (entry_id, version, layer, effect, isco_code, sector_code, valid_from,
           reason, source)
         SELECT gen_random_uuid(), 1, 'eu', 'addition', isco, sector, $3::date, label, $4
           FROM unnest($1::text[], $2::text[], $5::text[]) AS seed (isco, sector, label)
          WHERE NOT EXISTS (SELECT 1 FROM shortage_entries WHERE source = $4)
         RETURNING id`,
        [
          rows.map((row) => row.isco_code),
          rows.map((row) => seedSectorOf(row.isco_code)),
          SEED_VALID_FROM,
          SEED_SOURCE,
          rows.map((row) => `Seed: ${row.occupation_label} (rank ${row.rank_in_source})`),
        ],
      );
      return { sectors: SHORTAGE_SECTORS.length, entriesAdded: added.length };
    });
  }
}
