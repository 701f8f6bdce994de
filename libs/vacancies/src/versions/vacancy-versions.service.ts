import type { Page, PageRequest } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { VacancyView } from '../vacancies.types';
import { toVacancyView } from '../vacancy.mapper';
import type { VacancyEntity } from '../vacancy.entity';
import { VacancyVersionEntity } from './vacancy-version.entity';

export interface VacancyVersionView {
  version: number;
  createdAt: Date;
  /** The fields this version changed on the one before (none for the published original). */
  changedFields: string[];
  substantive: boolean;
  changedBy: string | null;
  vacancy: VacancyView;
}

const DATES = ['publishedAt', 'expiresAt', 'closedAt', 'createdAt', 'updatedAt'] as const;

/** The history of a published vacancy: what was published, then every edit. */
@Injectable()
export class VacancyVersions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends the vacancy's current state as its next version, in the caller's transaction. */
  async record(
    manager: EntityManager,
    vacancy: VacancyEntity,
    employerName: string,
    change: { changedFields: string[]; substantive: boolean; changedBy: string | null },
  ): Promise<number> {
    const [{ next }]: { next: number }[] = await manager.query(
      'SELECT coalesce(max(version), 0) + 1 AS next FROM vacancy_versions WHERE vacancy_id = $1',
      [vacancy.id],
    );
    await manager.query(
      `INSERT INTO vacancy_versions (vacancy_id, version, content, changed_fields, substantive, changed_by)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
      [
        vacancy.id,
        next,
        JSON.stringify(toVacancyView(vacancy, employerName)),
        change.changedFields,
        change.substantive,
        change.changedBy,
      ],
    );
    return next;
  }

  /** Vacancies published before versions were kept get their current state as version 1 first. */
  async ensureOriginal(manager: EntityManager, vacancy: VacancyEntity, employerName: string): Promise<void> {
    if (await manager.existsBy(VacancyVersionEntity, { vacancyId: vacancy.id })) return;
    await this.record(manager, vacancy, employerName, {
      changedFields: [],
      substantive: false,
      changedBy: null,
    });
  }

  /** Newest first. The caller has checked that the reader may see the vacancy. */
  async list(vacancyId: string, page: PageRequest): Promise<Page<VacancyVersionView>> {
    const [rows, total] = await this.dataSource.getRepository(VacancyVersionEntity).findAndCount({
      where: { vacancyId },
      order: { version: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    return { items: rows.map(toVersionView), total, limit: page.limit, offset: page.offset };
  }
}

function toVersionView(row: VacancyVersionEntity): VacancyVersionView {
  const vacancy = { ...row.content } as Record<string, unknown>;
  for (const field of DATES) vacancy[field] = vacancy[field] ? new Date(vacancy[field] as string) : null;
  return {
    version: row.version,
    createdAt: row.createdAt,
    changedFields: row.changedFields,
    substantive: row.substantive,
    changedBy: row.changedBy,
    vacancy: vacancy as unknown as VacancyView,
  };
}
