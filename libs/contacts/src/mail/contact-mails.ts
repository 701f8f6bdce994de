import type { OutgoingMail } from '@app/mail';
import type { ReaderLanguage } from '@app/vacancies';

export const CONTACT_MAIL_EVENTS = [
  'request_received',
  'request_accepted',
  'request_declined',
  'consent_withdrawn',
  'application_received',
  'stage_changed',
  'message_received',
] as const;
export type ContactMailEvent = (typeof CONTACT_MAIL_EVENTS)[number];

export interface ContactMailParams {
  organisation: string;
  vacancy: string;
  referenceCode: string;
  /** Where the reader follows up (their contacts list or the vacancy's pipeline). */
  link: string;
  stage?: string;
}

type Template = (p: ContactMailParams) => { subject: string; body: string };

const SIGNATURE: Record<ReaderLanguage, string> = {
  en: '— EU Talent Pool',
  fr: '— Réservoir européen de talents',
  es: '— Reserva de Talentos de la UE',
  ar: '— مجمع المواهب في الاتحاد الأوروبي',
};

/** Every contact notification in every mail language; the compiler insists none is missing. */
const TEMPLATES: Record<ContactMailEvent, Record<ReaderLanguage, Template>> = {
  request_received: {
    en: (p) => ({
      subject: `${p.organisation} would like to contact you`,
      body: `${p.organisation} invites you to consider the vacancy "${p.vacancy}". They see only your pseudonymised profile until you accept. Accept or decline here:`,
    }),
    fr: (p) => ({
      subject: `${p.organisation} souhaite vous contacter`,
      body: `${p.organisation} vous invite à considérer l’offre « ${p.vacancy} ». L’organisation ne voit que votre profil pseudonymisé tant que vous n’acceptez pas. Acceptez ou refusez ici :`,
    }),
    es: (p) => ({
      subject: `${p.organisation} desea contactarle`,
      body: `${p.organisation} le invita a considerar la oferta «${p.vacancy}». Solo ve su perfil seudonimizado hasta que usted acepte. Acepte o rechace aquí:`,
    }),
    ar: (p) => ({
      subject: `ترغب ${p.organisation} في التواصل معك`,
      body: `تدعوك ${p.organisation} إلى النظر في الوظيفة "${p.vacancy}". لا ترى سوى ملفك المستعار حتى توافق. اقبل أو ارفض هنا:`,
    }),
  },
  request_accepted: {
    en: (p) => ({
      subject: `Candidate ${p.referenceCode} accepted your contact request`,
      body: `Candidate ${p.referenceCode} accepted your request for "${p.vacancy}". Their contact details are now visible in the vacancy's pipeline:`,
    }),
    fr: (p) => ({
      subject: `Le candidat ${p.referenceCode} a accepté votre demande de contact`,
      body: `Le candidat ${p.referenceCode} a accepté votre demande pour « ${p.vacancy} ». Ses coordonnées sont désormais visibles dans le suivi de l’offre :`,
    }),
    es: (p) => ({
      subject: `El candidato ${p.referenceCode} aceptó su solicitud de contacto`,
      body: `El candidato ${p.referenceCode} aceptó su solicitud para «${p.vacancy}». Sus datos de contacto ya son visibles en el proceso de la oferta:`,
    }),
    ar: (p) => ({
      subject: `قبل المرشح ${p.referenceCode} طلب التواصل`,
      body: `قبل المرشح ${p.referenceCode} طلبك بخصوص "${p.vacancy}". أصبحت بيانات الاتصال الخاصة به مرئية في مسار الوظيفة:`,
    }),
  },
  request_declined: {
    en: (p) => ({
      subject: `Candidate ${p.referenceCode} declined your contact request`,
      body: `Candidate ${p.referenceCode} declined your request for "${p.vacancy}". They cannot be asked again for this vacancy for a while.`,
    }),
    fr: (p) => ({
      subject: `Le candidat ${p.referenceCode} a refusé votre demande de contact`,
      body: `Le candidat ${p.referenceCode} a refusé votre demande pour « ${p.vacancy} ». Il ne peut pas être sollicité à nouveau pour cette offre pendant un certain temps.`,
    }),
    es: (p) => ({
      subject: `El candidato ${p.referenceCode} rechazó su solicitud de contacto`,
      body: `El candidato ${p.referenceCode} rechazó su solicitud para «${p.vacancy}». No se le puede volver a solicitar para esta oferta durante un tiempo.`,
    }),
    ar: (p) => ({
      subject: `رفض المرشح ${p.referenceCode} طلب التواصل`,
      body: `رفض المرشح ${p.referenceCode} طلبك بخصوص "${p.vacancy}". لا يمكن مراسلته مجددًا بشأن هذه الوظيفة لفترة من الزمن.`,
    }),
  },
  consent_withdrawn: {
    en: (p) => ({
      subject: `Candidate ${p.referenceCode} withdrew`,
      body: `Candidate ${p.referenceCode} withdrew their consent for "${p.vacancy}". Their contact details are no longer available to your organisation; delete any copies you made.`,
    }),
    fr: (p) => ({
      subject: `Le candidat ${p.referenceCode} s’est retiré`,
      body: `Le candidat ${p.referenceCode} a retiré son consentement pour « ${p.vacancy} ». Ses coordonnées ne sont plus accessibles à votre organisation ; supprimez toute copie.`,
    }),
    es: (p) => ({
      subject: `El candidato ${p.referenceCode} se retiró`,
      body: `El candidato ${p.referenceCode} retiró su consentimiento para «${p.vacancy}». Sus datos de contacto ya no están disponibles para su organización; elimine cualquier copia.`,
    }),
    ar: (p) => ({
      subject: `انسحب المرشح ${p.referenceCode}`,
      body: `سحب المرشح ${p.referenceCode} موافقته بخصوص "${p.vacancy}". لم تعد بيانات الاتصال الخاصة به متاحة لمنظمتك؛ احذف أي نسخ منها.`,
    }),
  },
  application_received: {
    en: (p) => ({
      subject: `New application for "${p.vacancy}"`,
      body: `Candidate ${p.referenceCode} applied for "${p.vacancy}" and agreed to share their contact details with your organisation. See the application:`,
    }),
    fr: (p) => ({
      subject: `Nouvelle candidature pour « ${p.vacancy} »`,
      body: `Le candidat ${p.referenceCode} a postulé à « ${p.vacancy} » et accepte de partager ses coordonnées avec votre organisation. Voir la candidature :`,
    }),
    es: (p) => ({
      subject: `Nueva candidatura para «${p.vacancy}»`,
      body: `El candidato ${p.referenceCode} se postuló a «${p.vacancy}» y acepta compartir sus datos de contacto con su organización. Ver la candidatura:`,
    }),
    ar: (p) => ({
      subject: `ترشح جديد لوظيفة "${p.vacancy}"`,
      body: `ترشح المرشح ${p.referenceCode} لوظيفة "${p.vacancy}" ووافق على مشاركة بيانات الاتصال الخاصة به مع منظمتك. اطلع على الترشح:`,
    }),
  },
  stage_changed: {
    en: (p) => ({
      subject: `Update on "${p.vacancy}"`,
      body: `${p.organisation} updated your application for "${p.vacancy}": ${p.stage ?? ''}.`,
    }),
    fr: (p) => ({
      subject: `Mise à jour concernant « ${p.vacancy} »`,
      body: `${p.organisation} a mis à jour votre candidature pour « ${p.vacancy} » : ${p.stage ?? ''}.`,
    }),
    es: (p) => ({
      subject: `Novedades sobre «${p.vacancy}»`,
      body: `${p.organisation} actualizó su candidatura para «${p.vacancy}»: ${p.stage ?? ''}.`,
    }),
    ar: (p) => ({
      subject: `تحديث بشأن "${p.vacancy}"`,
      body: `حدّثت ${p.organisation} ترشحك لوظيفة "${p.vacancy}": ${p.stage ?? ''}.`,
    }),
  },
  message_received: {
    en: (p) => ({
      subject: `New message about "${p.vacancy}"`,
      body: `You have a new message about "${p.vacancy}". Read it on the EU Talent Pool:`,
    }),
    fr: (p) => ({
      subject: `Nouveau message concernant « ${p.vacancy} »`,
      body: `Vous avez un nouveau message concernant « ${p.vacancy} ». Lisez-le sur le réservoir européen de talents :`,
    }),
    es: (p) => ({
      subject: `Nuevo mensaje sobre «${p.vacancy}»`,
      body: `Tiene un nuevo mensaje sobre «${p.vacancy}». Léalo en la Reserva de Talentos de la UE:`,
    }),
    ar: (p) => ({
      subject: `رسالة جديدة بشأن "${p.vacancy}"`,
      body: `لديك رسالة جديدة بشأن "${p.vacancy}". اقرأها على مجمع المواهب في الاتحاد الأوروبي:`,
    }),
  },
};

/** A rendered notification; the message text itself never goes by mail, only that there is one. */
export function contactMail(
  event: ContactMailEvent,
  language: ReaderLanguage,
  to: string,
  params: ContactMailParams,
): OutgoingMail {
  const { subject, body } = TEMPLATES[event][language](params);
  return {
    template: `contacts.${event.replace(/_/g, '-')}`,
    to,
    subject,
    text: `${body}\n${params.link}\n\n${SIGNATURE[language]}`,
  };
}
