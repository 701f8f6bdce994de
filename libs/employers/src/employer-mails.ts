import type { OutgoingMail } from '@app/mail';

/**
 * To a contact address that already has an account: the registration answered as usual (so the
 * address's owner is not revealed to whoever registered), and this mail says what happened.
 */
export function contactAddressInUseMail(to: string, organisation: string, memberState: string): OutgoingMail {
  return {
    template: 'employers.contact-address-in-use',
    to,
    subject: 'Your organisation was not registered',
    text:
      `Someone registered the organisation "${organisation}" (${memberState}) on the EU Talent Pool with this ` +
      'email address as its contact person. The address already has an EU Talent Pool account, and an ' +
      'account belongs to one organisation or role only, so nothing was registered.\n\n' +
      'If the registration was yours, register again with another contact address.' +
      '\n\n— EU Talent Pool\nIf you did not expect this message, you can ignore it.',
  };
}

/** To the contact address of a registration whose number is already registered in the Member State. */
export function alreadyRegisteredMail(to: string, organisation: string, memberState: string): OutgoingMail {
  return {
    template: 'employers.already-registered',
    to,
    subject: 'Your organisation was not registered',
    text:
      `Someone registered the organisation "${organisation}" (${memberState}) on the EU Talent Pool with this ` +
      'email address as its contact person. An organisation with the same registration number is already ' +
      'registered in that Member State, so nothing new was registered.\n\n' +
      'If you did not know of that registration, the national contact point of the Member State can help.' +
      '\n\n— EU Talent Pool\nIf you did not expect this message, you can ignore it.',
  };
}
