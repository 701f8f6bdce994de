import type { NotificationKind, NotificationLanguage } from './notification-kinds';

/** What a notification shows: ids, codes and names of organisations, never a person's data. */
export type NotificationParams = Readonly<Record<string, string>>;

export interface RenderedNotification {
  title: string;
  body: string;
}

type Template = (p: NotificationParams) => RenderedNotification;
type Texts = Record<NotificationLanguage, Template>;

const v = (p: NotificationParams, key: string): string => p[key] ?? '';

/** Every kind in every mail language; the compiler insists none is missing. */
const TEMPLATES: Record<NotificationKind, Texts> = {
  employer_verified: {
    en: (p) => ({
      title: 'Your organisation is verified',
      body: `The national contact point verified ${v(p, 'organisation')}. You can now publish vacancies and search the talent pool.`,
    }),
    fr: (p) => ({
      title: 'Votre organisation est vérifiée',
      body: `Le point de contact national a vérifié ${v(p, 'organisation')}. Vous pouvez désormais publier des offres et rechercher des talents.`,
    }),
    es: (p) => ({
      title: 'Su organización está verificada',
      body: `El punto de contacto nacional ha verificado ${v(p, 'organisation')}. Ya puede publicar ofertas y buscar talento.`,
    }),
    ar: (p) => ({
      title: 'تم التحقق من مؤسستك',
      body: `تحقق مركز الاتصال الوطني من ${v(p, 'organisation')}. يمكنك الآن نشر الوظائف والبحث في مجمع المواهب.`,
    }),
  },
  employer_suspended: {
    en: (p) => ({
      title: 'Your organisation is suspended',
      body: `The national contact point suspended ${v(p, 'organisation')}. Your vacancies are hidden from search until it is reinstated.`,
    }),
    fr: (p) => ({
      title: 'Votre organisation est suspendue',
      body: `Le point de contact national a suspendu ${v(p, 'organisation')}. Vos offres sont masquées jusqu’à sa réintégration.`,
    }),
    es: (p) => ({
      title: 'Su organización está suspendida',
      body: `El punto de contacto nacional ha suspendido ${v(p, 'organisation')}. Sus ofertas quedan ocultas hasta su rehabilitación.`,
    }),
    ar: (p) => ({
      title: 'تم تعليق مؤسستك',
      body: `علّق مركز الاتصال الوطني ${v(p, 'organisation')}. وظائفك مخفية عن البحث حتى إعادة التفعيل.`,
    }),
  },
  employer_awaiting_verification: {
    en: (p) => ({
      title: 'An employer waits for verification',
      body: `${v(p, 'organisation')} registered in ${v(p, 'memberState')} and waits for your verification.`,
    }),
    fr: (p) => ({
      title: 'Un employeur attend sa vérification',
      body: `${v(p, 'organisation')} s’est enregistré en ${v(p, 'memberState')} et attend votre vérification.`,
    }),
    es: (p) => ({
      title: 'Un empleador espera su verificación',
      body: `${v(p, 'organisation')} se ha registrado en ${v(p, 'memberState')} y espera su verificación.`,
    }),
    ar: (p) => ({
      title: 'صاحب عمل ينتظر التحقق',
      body: `سجّل ${v(p, 'organisation')} في ${v(p, 'memberState')} وينتظر تحققك.`,
    }),
  },
  contact_update: {
    en: (p) => ({
      title: `News about contact ${v(p, 'referenceCode')}`,
      body: `A contact or application moved on (${v(p, 'step')}). Open your contacts to see it.`,
    }),
    fr: (p) => ({
      title: `Du nouveau pour le contact ${v(p, 'referenceCode')}`,
      body: `Une mise en relation ou candidature a avancé (${v(p, 'step')}). Ouvrez vos contacts pour la voir.`,
    }),
    es: (p) => ({
      title: `Novedades del contacto ${v(p, 'referenceCode')}`,
      body: `Un contacto o candidatura ha avanzado (${v(p, 'step')}). Abra sus contactos para verlo.`,
    }),
    ar: (p) => ({
      title: `مستجدات بخصوص جهة الاتصال ${v(p, 'referenceCode')}`,
      body: `حدث تقدم في طلب تواصل أو ترشح (${v(p, 'step')}). افتح جهات اتصالك للاطلاع عليه.`,
    }),
  },
  new_matches: {
    en: (p) => ({ title: 'New matches', body: `${v(p, 'count')} new matches are waiting for you.` }),
    fr: (p) => ({
      title: 'Nouvelles correspondances',
      body: `${v(p, 'count')} nouvelles correspondances vous attendent.`,
    }),
    es: (p) => ({ title: 'Nuevas coincidencias', body: `Le esperan ${v(p, 'count')} nuevas coincidencias.` }),
    ar: (p) => ({ title: 'مطابقات جديدة', body: `بانتظارك ${v(p, 'count')} مطابقات جديدة.` }),
  },
  profile_expiring: {
    en: (p) => ({
      title: 'Your profile is about to expire',
      body: `Your profile expires on ${v(p, 'expiresOn')}. Renew it in one click to stay visible to employers.`,
    }),
    fr: (p) => ({
      title: 'Votre profil va expirer',
      body: `Votre profil expire le ${v(p, 'expiresOn')}. Renouvelez-le en un clic pour rester visible des employeurs.`,
    }),
    es: (p) => ({
      title: 'Su perfil está a punto de caducar',
      body: `Su perfil caduca el ${v(p, 'expiresOn')}. Renuévelo con un clic para seguir visible para los empleadores.`,
    }),
    ar: (p) => ({
      title: 'ملفك على وشك الانتهاء',
      body: `ينتهي ملفك في ${v(p, 'expiresOn')}. جدده بنقرة واحدة لتبقى مرئياً لأصحاب العمل.`,
    }),
  },
  partner_country_status_changed: {
    en: (p) => ({
      title: 'A change that affects your profile',
      body: `The status of ${v(p, 'country')} on the EU Talent Pool changed to ${v(p, 'status')}.`,
    }),
    fr: (p) => ({
      title: 'Un changement qui concerne votre profil',
      body: `Le statut de ${v(p, 'country')} dans le Réservoir européen de talents est désormais ${v(p, 'status')}.`,
    }),
    es: (p) => ({
      title: 'Un cambio que afecta a su perfil',
      body: `El estado de ${v(p, 'country')} en la Reserva de Talentos de la UE ha cambiado a ${v(p, 'status')}.`,
    }),
    ar: (p) => ({
      title: 'تغيير يخص ملفك',
      body: `تغيرت حالة ${v(p, 'country')} في مجمع المواهب الأوروبي إلى ${v(p, 'status')}.`,
    }),
  },
  vacancy_expiring: {
    en: (p) => ({
      title: 'A vacancy is about to expire',
      body: `Your vacancy "${v(p, 'vacancy')}" expires on ${v(p, 'expiresOn')}.`,
    }),
    fr: (p) => ({
      title: 'Une offre va expirer',
      body: `Votre offre « ${v(p, 'vacancy')} » expire le ${v(p, 'expiresOn')}.`,
    }),
    es: (p) => ({
      title: 'Una oferta está a punto de caducar',
      body: `Su oferta «${v(p, 'vacancy')}» caduca el ${v(p, 'expiresOn')}.`,
    }),
    ar: (p) => ({
      title: 'وظيفة على وشك الانتهاء',
      body: `تنتهي وظيفتك "${v(p, 'vacancy')}" في ${v(p, 'expiresOn')}.`,
    }),
  },
};

export function renderNotification(
  kind: NotificationKind,
  language: NotificationLanguage,
  params: NotificationParams,
): RenderedNotification {
  return TEMPLATES[kind][language](params);
}

const SIGNATURE: Record<NotificationLanguage, string> = {
  en: '— EU Talent Pool\nChoose what you are mailed in your notification settings.',
  fr: '— Réservoir européen de talents\nChoisissez ce que vous recevez dans vos réglages de notification.',
  es: '— Reserva de Talentos de la UE\nElija lo que recibe en sus ajustes de notificaciones.',
  ar: '— مجمع المواهب في الاتحاد الأوروبي\nاختر ما يصلك في إعدادات الإشعارات.',
};

const DIGEST_SUBJECT: Record<NotificationLanguage, (count: number) => string> = {
  en: (count) => `Your EU Talent Pool digest: ${count} notifications`,
  fr: (count) => `Votre résumé du Réservoir européen de talents : ${count} notifications`,
  es: (count) => `Su resumen de la Reserva de Talentos de la UE: ${count} notificaciones`,
  ar: (count) => `ملخصك من مجمع المواهب الأوروبي: ${count} إشعارات`,
};

/** One notification as a mail of its own. */
export function notificationMail(
  language: NotificationLanguage,
  rendered: RenderedNotification,
  link: string,
): { subject: string; text: string } {
  return { subject: rendered.title, text: `${rendered.body}\n\n${link}\n\n${SIGNATURE[language]}` };
}

/** Several notifications in one mail, newest last. */
export function digestMail(
  language: NotificationLanguage,
  items: readonly RenderedNotification[],
  link: string,
): { subject: string; text: string } {
  const lines = items.map((item) => `• ${item.title}\n  ${item.body}`).join('\n\n');
  return {
    subject: DIGEST_SUBJECT[language](items.length),
    text: `${lines}\n\n${link}\n\n${SIGNATURE[language]}`,
  };
}

/** Mail subjects and bodies end with the platform's signature in the reader's language. */
export function signature(language: NotificationLanguage): string {
  return SIGNATURE[language];
}
