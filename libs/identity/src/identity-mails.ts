import type { OutgoingMail } from '@app/mail';

const SIGNATURE = '\n\n— EU Talent Pool\nIf you did not expect this message, you can ignore it.';

export function verificationMail(to: string, link: string): OutgoingMail {
  return {
    template: 'identity.verify-email',
    to,
    subject: 'Confirm your email address',
    text:
      'Welcome to the EU Talent Pool.\n\n' +
      `Confirm your email address and choose your password by opening this link:\n${link}${SIGNATURE}`,
  };
}

/** Carries no token: it must not replace or void a link the owner is waiting for. */
export function alreadyRegisteredMail(to: string, forgotPasswordLink: string): OutgoingMail {
  return {
    template: 'identity.already-registered',
    to,
    subject: 'You already have an account',
    text:
      'Someone tried to register a new EU Talent Pool account with this email address, which already has one.\n\n' +
      `If that was you and you forgot your password, you can ask for a new one here:\n${forgotPasswordLink}${SIGNATURE}`,
  };
}

export function passwordResetMail(to: string, link: string): OutgoingMail {
  return {
    template: 'identity.password-reset',
    to,
    subject: 'Choose a new password',
    text: `Open this link to choose a new password for your EU Talent Pool account:\n${link}${SIGNATURE}`,
  };
}

export function invitationMail(to: string, roleName: string, link: string): OutgoingMail {
  return {
    template: 'identity.invitation',
    to,
    subject: 'Your EU Talent Pool account',
    text:
      `An administrator created an EU Talent Pool account for you (${roleName}).\n\n` +
      `Choose your password here to activate it:\n${link}${SIGNATURE}`,
  };
}
