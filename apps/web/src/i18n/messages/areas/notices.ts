import type { Locale } from '../../locales';
import type { Messages } from '../messages';

/** The candidate's notifications and consent receipts: its texts in every interface language, under `notices.` in each catalogue. */
export const noticesMessages = {
  en: {},
  fr: {},
  es: {},
  ar: {},
} satisfies Record<Locale, Messages>;
