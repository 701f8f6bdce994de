import { Passwords } from '@app/identity';
import { MailDelivery } from '@app/mail';
import type { JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('mail')
export class MailProcessor extends TypedProcessor<'mail'> {
  constructor(
    private readonly delivery: MailDelivery,
    private readonly passwords: Passwords,
  ) {
    super();
  }

  readonly handlers: JobHandlers<'mail'> = {
    'mail.send': async (job) => ({ outcome: await this.delivery.deliver(job.data.messageId) }),
    'identity.password-reset': async (job) => ({ outcome: await this.passwords.sendReset(job.data) }),
  };
}
