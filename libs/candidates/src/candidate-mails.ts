import type { OutgoingMail } from '@app/mail';

const SIGNATURE = '\n\n— EU Talent Pool';
const day = (date: Date) => date.toISOString().slice(0, 10);

export function expiryReminderMail(to: string, expiresAt: Date, renewLink: string): OutgoingMail {
  return {
    template: 'candidates.expiry-reminder',
    to,
    subject: 'Your EU Talent Pool profile expires soon',
    text:
      `Your profile stays visible to employers until ${day(expiresAt)}.\n\n` +
      `Renew it in one click to keep it visible:\n${renewLink}${SIGNATURE}`,
  };
}

export function expiredMail(to: string, renewLink: string): OutgoingMail {
  return {
    template: 'candidates.expired',
    to,
    subject: 'Your EU Talent Pool profile has expired',
    text:
      'Your profile is no longer visible to employers. Nothing has been deleted: renew it to make it ' +
      `visible again:\n${renewLink}${SIGNATURE}`,
  };
}
