/** The interface languages, in the order the language switcher lists them. */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function direction(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** The shipped ESCO release labels concepts in these languages only. */
export const ESCO_LANGUAGES = ['en', 'fr', 'es'] as const;
export type EscoLanguage = (typeof ESCO_LANGUAGES)[number];

/**
 * The language ESCO labels are asked in: the page's when ESCO has it, otherwise the candidate's
 * second language when ESCO has that, otherwise English.
 */
export function escoLanguage(locale: Locale, secondLanguage?: string): EscoLanguage {
  const known = (code: string | undefined): code is EscoLanguage =>
    (ESCO_LANGUAGES as readonly string[]).includes(code ?? '');
  if (known(locale)) return locale;
  return known(secondLanguage) ? secondLanguage : 'en';
}

/** The best interface language for an Accept-Language header (q-values honoured), English otherwise. */
export function negotiate(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split('-')[0], q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLocale) ?? 'en';
}
