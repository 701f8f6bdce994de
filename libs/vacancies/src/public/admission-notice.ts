/** Languages a reader may ask for: ESCO labels exist in en, fr and es; Arabic falls back to English labels. */
export const READER_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type ReaderLanguage = (typeof READER_LANGUAGES)[number];

export interface VersionedNotice {
  /** Changes whenever the wording changes, so an answer says which text the reader was shown. */
  version: string;
  language: ReaderLanguage;
  text: string;
}

const ADMISSION_NOTICE_VERSION = 'admission-notice-2026-12';

const ADMISSION_NOTICE_TEXT: Record<ReaderLanguage, string> = {
  en: 'A match or an application on the EU Talent Pool never guarantees a visa or permit: admission is decided under national immigration procedures.',
  fr: 'Une correspondance ou une candidature sur le réservoir européen de talents ne garantit jamais un visa ou un permis : l’admission relève des procédures nationales d’immigration.',
  es: 'Una coincidencia o una candidatura en la Reserva de Talentos de la UE nunca garantiza un visado o un permiso: la admisión se decide conforme a los procedimientos nacionales de inmigración.',
  ar: 'لا يضمن التطابق أو الترشح عبر مجمع المواهب في الاتحاد الأوروبي الحصول على تأشيرة أو تصريح: يتم البت في القبول وفق إجراءات الهجرة الوطنية.',
};

/** The "a match is not a visa or permit" notice, in the reader's language, with its version. */
export function admissionNotice(language: ReaderLanguage): VersionedNotice {
  return { version: ADMISSION_NOTICE_VERSION, language, text: ADMISSION_NOTICE_TEXT[language] };
}
