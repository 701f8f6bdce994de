import i18next, { type TFunction } from 'i18next';
import { type Locale } from './locales';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { es } from './messages/es';
import { fr } from './messages/fr';

const instance = i18next.createInstance();
void instance.init({
  initAsync: false,
  resources: {
    en: { translation: en },
    fr: { translation: fr },
    es: { translation: es },
    ar: { translation: ar },
  },
  fallbackLng: false,
  supportedLngs: ['en', 'fr', 'es', 'ar'],
  // Pages are rendered by Preact, which escapes every text it writes.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type Translate = TFunction;

export function translator(locale: Locale): Translate {
  return instance.getFixedT(locale);
}
