import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ReferenceDataModule } from '@app/reference-data';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';

/** What the data commands need: Postgres and the outbox, no HTTP and no search engine. */
@Module({ imports: [ConfigModule, DatabaseModule, TaxonomyModule, ReferenceDataModule] })
export class TaxonomyCliModule {}
