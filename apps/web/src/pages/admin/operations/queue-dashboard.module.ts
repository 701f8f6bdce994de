import { APP_CONFIG, type AppConfig } from '@app/config';
import { bullConnection, QUEUE_NAMES } from '@app/queue';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Express } from 'express';
import { ModuleRef } from '@nestjs/core';
import { QUEUE_DASHBOARD_ROUTE, queueDashboardAccess } from './queue-dashboard';

/** bull-board's own Express app, which says nothing about the server, like the rest of the site. */
class QueueDashboardAdapter extends ExpressAdapter {
  constructor() {
    super();
    (this.getRouter() as Express).disable('x-powered-by');
  }
}

/**
 * The queue dashboard (bull-board) for administrators: every queue of the platform, read from Redis
 * by the web app itself, behind the console's own access check (queue-dashboard.ts).
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: bullConnection(config), prefix: config.queue.prefix }),
    }),
    BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name }))),
    BullBoardModule.forRootAsync({
      inject: [ModuleRef],
      useFactory: (moduleRef: ModuleRef) => ({
        route: QUEUE_DASHBOARD_ROUTE,
        adapter: QueueDashboardAdapter,
        middleware: queueDashboardAccess(moduleRef),
        boardOptions: { uiConfig: { boardTitle: 'EU Talent Pool' } },
      }),
    }),
    BullBoardModule.forFeature(...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueDashboardModule {}
