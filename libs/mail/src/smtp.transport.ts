import type { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { MailEnvelope, MailTransport } from './mail.types';

/** Production transport; Nest closes its pooled connections on shutdown. */
export class SmtpTransport implements MailTransport, OnApplicationShutdown {
  private readonly transporter: Transporter;

  /** Every wait of a delivery is bounded, so a silent server fails the job (retried) instead of hanging it. */
  constructor(smtpUrl: string, timeoutMs: number) {
    this.transporter = createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: MailEnvelope): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      headers: mail.headers ? { ...mail.headers } : undefined,
      messageId: `<${mail.id}@eu-talent-pool>`,
    });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
