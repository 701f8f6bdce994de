import { OutboxService } from '@app/queue';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PolicyCliModule } from './policy-cli.module';

type Log = (line: string) => void;

async function withContext<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(PolicyCliModule, { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** `shortages:seed` (also run by `setup`): sectors, and the shipped seed list once. */
export async function seedShortagesCommand(log: Log = console.log): Promise<void> {
  const report = await withContext((app) => app.get(ShortageSeeder).seed());
  log(
    `Shortage list: ${report.sectors} sectors, ${report.entriesAdded} seed entr(ies) added to the EU layer`,
  );
}

/** `vacancies:reindex`: asks the worker to rebuild the vacancies index (new index, then swap). */
export async function reindexVacanciesCommand(log: Log = console.log): Promise<void> {
  await withContext(async (app) => {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    await dataSource.transaction((manager) =>
      app.get(OutboxService).add(manager, 'vacancies.reindex', { reason: 'cli' }),
    );
  });
  log('Queued: the worker rebuilds the vacancies index');
}
