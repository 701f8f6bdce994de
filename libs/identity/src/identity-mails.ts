import type { OutgoingMail } from '@app/mail';

/** The languages mails to candidates are written in (the web front end's languages). */
export const MAIL_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export function isMailLanguage(value: unknown): value is MailLanguage {
  return (MAIL_LANGUAGES as readonly unknown[]).includes(value);
}

interface Texts {
  signature: string;
  verifySubject: string;
  verify: (link: string) => string;
  takenSubject: string;
  taken: (link: string) => string;
  resetSubject: string;
  reset: (link: string) => string;
}

/** Every text in every mail language; the compiler insists none is missing. */
const TEXTS: Record<MailLanguage, Texts> = {
  en: {
    signature: '\n\n— EU Talent Pool\nIf you did not expect this message, you can ignore it.',
    verifySubject: 'Confirm your email address',
    verify: (link) =>
      'Welcome to the EU Talent Pool.\n\n' +
      `Confirm your email address and choose your password by opening this link:\n${link}`,
    takenSubject: 'You already have an account',
    taken: (link) =>
      'Someone tried to register a new EU Talent Pool account with this email address, which already has one.\n\n' +
      `If that was you and you forgot your password, you can ask for a new one here:\n${link}`,
    resetSubject: 'Choose a new password',
    reset: (link) => `Open this link to choose a new password for your EU Talent Pool account:\n${link}`,
  },
  fr: {
    signature: '\n\n— EU Talent Pool\nSi vous n’attendiez pas ce message, vous pouvez l’ignorer.',
    verifySubject: 'Confirmez votre adresse e-mail',
    verify: (link) =>
      'Bienvenue dans l’EU Talent Pool.\n\n' +
      `Confirmez votre adresse e-mail et choisissez votre mot de passe en ouvrant ce lien :\n${link}`,
    takenSubject: 'Vous avez déjà un compte',
    taken: (link) =>
      'Quelqu’un a essayé de créer un compte EU Talent Pool avec cette adresse e-mail, qui en a déjà un.\n\n' +
      `Si c’était vous et que vous avez oublié votre mot de passe, vous pouvez en demander un nouveau ici :\n${link}`,
    resetSubject: 'Choisissez un nouveau mot de passe',
    reset: (link) => `Ouvrez ce lien pour choisir un nouveau mot de passe pour votre compte EU Talent Pool :\n${link}`,
  },
  es: {
    signature: '\n\n— EU Talent Pool\nSi no esperaba este mensaje, puede ignorarlo.',
    verifySubject: 'Confirme su dirección de correo electrónico',
    verify: (link) =>
      'Bienvenido/a al EU Talent Pool.\n\n' +
      `Confirme su dirección de correo electrónico y elija su contraseña abriendo este enlace:\n${link}`,
    takenSubject: 'Ya tiene una cuenta',
    taken: (link) =>
      'Alguien ha intentado registrar una cuenta del EU Talent Pool con esta dirección de correo, que ya tiene una.\n\n' +
      `Si fue usted y ha olvidado su contraseña, puede pedir una nueva aquí:\n${link}`,
    resetSubject: 'Elija una nueva contraseña',
    reset: (link) => `Abra este enlace para elegir una nueva contraseña para su cuenta del EU Talent Pool:\n${link}`,
  },
  ar: {
    signature: '\n\n— EU Talent Pool\nإذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.',
    verifySubject: 'أكّد عنوان بريدك الإلكتروني',
    verify: (link) =>
      'مرحبًا بك في EU Talent Pool.\n\n' + `أكّد عنوان بريدك الإلكتروني واختر كلمة المرور بفتح هذا الرابط:\n${link}`,
    takenSubject: 'لديك حساب بالفعل',
    taken: (link) =>
      'حاول أحدهم تسجيل حساب جديد في EU Talent Pool بعنوان البريد الإلكتروني هذا، وله حساب بالفعل.\n\n' +
      `إذا كنت أنت ونسيت كلمة المرور، يمكنك طلب كلمة مرور جديدة هنا:\n${link}`,
    resetSubject: 'اختر كلمة مرور جديدة',
    reset: (link) => `افتح هذا الرابط لاختيار كلمة مرور جديدة لحسابك في EU Talent Pool:\n${link}`,
  },
};

/** A mail in the reader's language, which its header names (mail clients and screen readers use it). */
function localised(language: MailLanguage, mail: Omit<OutgoingMail, 'headers'>): OutgoingMail {
  return { ...mail, headers: { 'Content-Language': language } };
}

export function verificationMail(to: string, link: string, language: MailLanguage = 'en'): OutgoingMail {
  const t = TEXTS[language];
  return localised(language, {
    template: 'identity.verify-email',
    to,
    subject: t.verifySubject,
    text: t.verify(link) + t.signature,
  });
}

/** Carries no token: it must not replace or void a link the owner is waiting for. */
export function alreadyRegisteredMail(to: string, forgotPasswordLink: string, language: MailLanguage = 'en'): OutgoingMail {
  const t = TEXTS[language];
  return localised(language, {
    template: 'identity.already-registered',
    to,
    subject: t.takenSubject,
    text: t.taken(forgotPasswordLink) + t.signature,
  });
}

export function passwordResetMail(to: string, link: string, language: MailLanguage = 'en'): OutgoingMail {
  const t = TEXTS[language];
  return localised(language, {
    template: 'identity.password-reset',
    to,
    subject: t.resetSubject,
    text: t.reset(link) + t.signature,
  });
}

export function invitationMail(to: string, roleName: string, link: string): OutgoingMail {
  return {
    template: 'identity.invitation',
    to,
    subject: 'Your EU Talent Pool account',
    text:
      `An administrator created an EU Talent Pool account for you (${roleName}).\n\n` +
      `Choose your password here to activate it:\n${link}${TEXTS.en.signature}`,
  };
}
