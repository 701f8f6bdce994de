import { createTransport, type Transporter } from 'nodemailer';
import type { MailEnvelope, MailTransport } from './mail.types';

export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(smtpUrl: string) {
    this.transporter = createTransport(smtpUrl);
  }

  async send(mail: MailEnvelope): Promise<void> {
    await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: `<${mail.id}@eu-talent-pool>`,
    });
  }

  close(): void {
    this.transporter.close();
  }
}
