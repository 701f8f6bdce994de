import type { ReaderLanguage } from '@app/vacancies';
import type { ConsentTerms, DisclosedField, ShareChoice } from '../contact.types';

/** Raised whenever the wording changes; receipts name the version the candidate confirmed. */
export const CONSENT_TEXT_VERSION = 'contact-consent-2026-12';

const FIELD_NAMES: Record<ReaderLanguage, Record<DisclosedField, string>> = {
  en: {
    name: 'name',
    email: 'email address',
    phone: 'phone number',
    qualifications: 'qualifications',
    workExperience: 'work history',
  },
  fr: {
    name: 'nom',
    email: 'adresse e-mail',
    phone: 'numéro de téléphone',
    qualifications: 'qualifications',
    workExperience: 'expérience professionnelle',
  },
  es: {
    name: 'nombre',
    email: 'correo electrónico',
    phone: 'teléfono',
    qualifications: 'cualificaciones',
    workExperience: 'experiencia laboral',
  },
  ar: {
    name: 'الاسم',
    email: 'البريد الإلكتروني',
    phone: 'رقم الهاتف',
    qualifications: 'المؤهلات',
    workExperience: 'الخبرة المهنية',
  },
};

const TEXT: Record<ReaderLanguage, (organisation: string, vacancy: string, fields: string) => string> = {
  en: (organisation, vacancy, fields) =>
    `By confirming, you agree that ${organisation} sees your ${fields}, for the vacancy "${vacancy}" only. ` +
    'No other organisation sees them. You can withdraw this consent at any time; the organisation then no longer sees them.',
  fr: (organisation, vacancy, fields) =>
    `En confirmant, vous acceptez que ${organisation} voie vos données suivantes : ${fields}, uniquement pour l’offre « ${vacancy} ». ` +
    'Aucune autre organisation ne les voit. Vous pouvez retirer ce consentement à tout moment ; l’organisation ne les voit alors plus.',
  es: (organisation, vacancy, fields) =>
    `Al confirmar, acepta que ${organisation} vea sus datos: ${fields}, solo para la oferta «${vacancy}». ` +
    'Ninguna otra organización los ve. Puede retirar este consentimiento en cualquier momento; la organización dejará de verlos.',
  ar: (organisation, vacancy, fields) =>
    `بتأكيدك، توافق على أن ترى ${organisation} بياناتك التالية: ${fields}، لأجل الوظيفة "${vacancy}" فقط. ` +
    'لا تراها أي منظمة أخرى. يمكنك سحب هذه الموافقة في أي وقت، وعندها لن تراها المنظمة بعد ذلك.',
};

export function disclosedFields(choice: ShareChoice): DisclosedField[] {
  const fields: DisclosedField[] = ['name', 'email', 'phone'];
  if (choice.shareQualifications) fields.push('qualifications');
  if (choice.shareWorkExperience) fields.push('workExperience');
  return fields;
}

/** What confirming an application or a request's acceptance discloses, in the candidate's language. */
export function consentTerms(
  language: ReaderLanguage,
  organisation: string,
  vacancyTitle: string,
  fields: DisclosedField[],
): ConsentTerms {
  const names = fields.map((field) => FIELD_NAMES[language][field]).join(', ');
  return {
    version: CONSENT_TEXT_VERSION,
    language,
    text: TEXT[language](organisation, vacancyTitle, names),
    fields,
  };
}
