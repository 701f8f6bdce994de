import type { NotificationLanguage } from '../centre/notification-kinds';
import { signature } from '../centre/notification-templates';

export type SavedSearchKind = 'talent' | 'jobs';

/** One new hit as a mail line: pseudonymised for talent (reference code and occupation only). */
export interface AlertHit {
  label: string;
  link: string;
}

const SUBJECT: Record<SavedSearchKind, Record<NotificationLanguage, (name: string, n: number) => string>> = {
  talent: {
    en: (name, n) => `${n} new candidates for your saved search "${name}"`,
    fr: (name, n) => `${n} nouveaux candidats pour votre recherche « ${name} »`,
    es: (name, n) => `${n} nuevos candidatos para su búsqueda «${name}»`,
    ar: (name, n) => `${n} مرشحين جدد لبحثك المحفوظ "${name}"`,
  },
  jobs: {
    en: (name, n) => `${n} new vacancies for your job alert "${name}"`,
    fr: (name, n) => `${n} nouvelles offres pour votre alerte « ${name} »`,
    es: (name, n) => `${n} nuevas ofertas para su alerta «${name}»`,
    ar: (name, n) => `${n} وظائف جديدة لتنبيهك "${name}"`,
  },
};

const STOP: Record<NotificationLanguage, string> = {
  en: 'Stop this alert (no sign-in needed):',
  fr: 'Arrêter cette alerte (sans connexion) :',
  es: 'Detener esta alerta (sin iniciar sesión):',
  ar: 'أوقف هذا التنبيه (دون تسجيل الدخول):',
};

export function alertMail(
  kind: SavedSearchKind,
  language: NotificationLanguage,
  name: string,
  hits: readonly AlertHit[],
  unsubscribeUrl: string,
): { subject: string; text: string; headers: Record<string, string> } {
  const lines = hits.map((hit) => `• ${hit.label}\n  ${hit.link}`).join('\n');
  return {
    subject: SUBJECT[kind][language](name, hits.length),
    text: `${lines}\n\n${STOP[language]}\n${unsubscribeUrl}\n\n${signature(language)}`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
