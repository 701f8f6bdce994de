export { ReferenceDataModule } from './reference-data.module';
export { ReferenceDataSeeder } from './reference-data.seeder';
export { ReferenceData } from './reference-data.service';
export * from './reference-data.types';
