import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Entry point for the TypeORM CLI (`npm run migration:generate`); the app uses DatabaseModule. */
export default new DataSource({
  ...buildDataSourceOptions(loadConfig()),
  entities: [join(__dirname, '../../**/*.entity.{ts,js}')],
});
