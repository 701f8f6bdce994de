import type { OutgoingMail } from '@app/mail';

const SIGNATURE = '\n\n— EU Talent Pool';

export function countrySuspendedMail(to: string, countryName: string, reason: string): OutgoingMail {
  return {
    template: 'partner-countries.suspended',
    to,
    subject: 'Your profile is hidden from employers for now',
    text:
      `Candidates from ${countryName} can currently not be found by employers on the EU Talent Pool, so your ` +
      `profile is hidden from search and matching. It has not been deleted.\n\nReason given: ${reason}\n\n` +
      `We will tell you when this changes.${SIGNATURE}`,
  };
}

export function countryRestoredMail(to: string, countryName: string): OutgoingMail {
  return {
    template: 'partner-countries.restored',
    to,
    subject: 'Your profile is visible to employers again',
    text:
      `Candidates from ${countryName} can again be found by employers on the EU Talent Pool, so your active ` +
      `profile is back in search and matching.${SIGNATURE}`,
  };
}
