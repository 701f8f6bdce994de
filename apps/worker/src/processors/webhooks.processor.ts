import { WebhookDeliveries } from '@app/notifications';
import type { JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('webhooks')
export class WebhooksProcessor extends TypedProcessor<'webhooks'> {
  constructor(private readonly deliveries: WebhookDeliveries) {
    super();
  }

  readonly handlers: JobHandlers<'webhooks'> = {
    'webhooks.deliver': async (job) => ({
      status: await this.deliveries.deliver(
        job.data.deliveryId,
        job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      ),
    }),
  };
}
