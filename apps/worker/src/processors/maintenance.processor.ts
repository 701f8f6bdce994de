import { ConsistencyChecker } from '@app/consistency';
import { CredentialRetention } from '@app/identity';
import { MailOutbox } from '@app/mail';
import { PartnerCountryAdministration } from '@app/partner-country-administration';
import { OutboxService, type JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('maintenance')
export class MaintenanceProcessor extends TypedProcessor<'maintenance'> {
  constructor(
    private readonly outbox: OutboxService,
    private readonly partnerCountries: PartnerCountryAdministration,
    private readonly credentials: CredentialRetention,
    private readonly mail: MailOutbox,
    private readonly consistency: ConsistencyChecker,
  ) {
    super();
  }

  readonly handlers: JobHandlers<'maintenance'> = {
    'maintenance.purge-outbox': async (job) => ({
      purged: await this.outbox.purgeRelayed(job.data.olderThanHours),
    }),
    'maintenance.purge-spent-records': async () => ({
      ...(await this.credentials.purgeSpent()),
      sentMail: await this.mail.purgeSent(),
    }),
    'partner-countries.apply-due': async () => ({ applied: (await this.partnerCountries.applyDue()).length }),
    'consistency.check': async (job) => {
      const report = await this.consistency.check({ repair: job.data.repair });
      return { drift: report.drift, repaired: report.repaired };
    },
  };
}
