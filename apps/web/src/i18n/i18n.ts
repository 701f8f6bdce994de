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
instance.services.formatter?.add('inSentence', (value: unknown, locale?: string) => inSentence(String(value), locale));

export type Translate = TFunction;

export function translator(locale: Locale): Translate {
  return instance.getFixedT(locale);
}

/**
 * A field's label as it reads inside a sentence ("Enter {{field, inSentence}}"): its first letter in
 * lower case, unless another capital follows (an acronym, "EQF level", or a name, "Member State").
 */
export function inSentence(label: string, locale?: string): string {
  const [first = '', ...rest] = label;
  const tail = rest.join('');
  return /\p{Lu}/u.test(tail) ? label : first.toLocaleLowerCase(locale) + tail;
}
