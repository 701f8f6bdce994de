import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { keepTransactionsOnOneConnection } from './transaction-connection';

/**
 * Transactions read through their own connection; in the test environment any other checkout made
 * while one is held fails the request that made it.
 */
@Injectable()
class TransactionConnections implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    keepTransactionsOnOneConnection(this.dataSource, { strict: this.config.env === 'test' });
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [TransactionConnections],
})
export class DatabaseModule {}
