import {
  cell,
  cells,
  ROUNDING_BASE,
  SUPPRESSION_THRESHOLD,
  type Count,
  type StatisticsView,
} from '@app/discovery';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface PlacementStatisticsView {
  view: StatisticsView;
  suppressedBelow: number | null;
  roundedTo: number | null;
  generatedAt: string;
  count: Count;
  byOccupation: Record<string, Count>;
  byMemberState: Record<string, Count>;
  byResidenceCountry: Record<string, Count>;
}

/**
 * Hires recorded through the platform, with the same disclosure control as supply statistics
 * (docs/statistics.md): small groups left out, every public figure rounded.
 */
@Injectable()
export class PlacementStatistics {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(view: StatisticsView): Promise<PlacementStatisticsView> {
    const grouped = async (column: 'occupation_uri' | 'member_state' | 'residence_country') => {
      const rows = await this.dataSource.query<{ key: string; n: number }[]>(
        `SELECT ${column}::text AS key, count(*)::int AS n FROM placements GROUP BY 1 ORDER BY 2 DESC LIMIT 500`,
      );
      return cells(Object.fromEntries(rows.map((row) => [row.key.trim(), row.n])), view);
    };
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM placements');
    return {
      view,
      suppressedBelow: view === 'public' ? SUPPRESSION_THRESHOLD : null,
      roundedTo: view === 'public' ? ROUNDING_BASE : null,
      generatedAt: new Date().toISOString(),
      count: cell(n, view),
      byOccupation: await grouped('occupation_uri'),
      byMemberState: await grouped('member_state'),
      byResidenceCountry: await grouped('residence_country'),
    };
  }
}
