import type { Locale } from '../../locales';
import type { Messages } from '../messages';

/** The administrator's console: its texts in every interface language, under `admin.` in each catalogue. */
export const adminMessages = {
  en: {},
  fr: {},
  es: {},
  ar: {},
} satisfies Record<Locale, Messages>;
