import type { Locale } from '../../locales';
import type { Messages } from '../messages';

/** The national contact point's console: its texts in every interface language, under `ncp.` in each catalogue. */
export const ncpMessages = {
  en: {},
  fr: {},
  es: {},
  ar: {},
} satisfies Record<Locale, Messages>;
