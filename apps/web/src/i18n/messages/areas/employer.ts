import type { Locale } from '../../locales';
import type { Messages } from '../messages';

/** The employer console: its texts in every interface language, under `employer.` in each catalogue. */
export const employerMessages = {
  en: {},
  fr: {},
  es: {},
  ar: {},
} satisfies Record<Locale, Messages>;
