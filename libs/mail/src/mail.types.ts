/** A rendered message, ready to be stored and sent. */
export interface OutgoingMail {
  /** Which template rendered it (kept for support and statistics; never the parameters). */
  template: string;
  to: string;
  subject: string;
  text: string;
  /** Extra header fields, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Readonly<Record<string, string>>;
}

export interface MailEnvelope extends OutgoingMail {
  id: string;
  from: string;
}

/** How mail leaves the platform: SMTP in production, a local mailbox folder elsewhere. */
export interface MailTransport {
  send(mail: MailEnvelope): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
