import type { ReaderLanguage } from '@app/vacancies';
import type { Stage } from '../contact.types';

/** Stages the organisation sets; the others follow from the candidate's answers. */
export const EMPLOYER_STAGES = ['interviewing', 'offered', 'hired', 'not_selected'] as const;
export type EmployerStage = (typeof EMPLOYER_STAGES)[number];

const FINAL: readonly Stage[] = ['hired', 'not_selected', 'withdrawn'];

/** The organisation moves a pair forward only after disclosure, and never out of a final stage. */
export function canEmployerMove(from: Stage, to: EmployerStage): boolean {
  if (FINAL.includes(from) || from === 'contacted') return false;
  const order: Stage[] = ['new', 'accepted', 'interviewing', 'offered', 'hired'];
  if (to === 'not_selected') return true;
  return order.indexOf(to) > order.indexOf(from);
}

export function isFinal(stage: Stage): boolean {
  return FINAL.includes(stage);
}

/** Each side reads the same stage in its own words, in the reader's language. */
const WORDS: Record<'candidate' | 'employer', Record<ReaderLanguage, Record<Stage, string>>> = {
  candidate: {
    en: {
      new: 'Application sent',
      contacted: 'The employer would like to contact you',
      accepted: 'You accepted the contact request',
      interviewing: 'Interviews in progress',
      offered: 'You received an offer',
      hired: 'Hired',
      not_selected: 'Not selected this time',
      withdrawn: 'You withdrew',
    },
    fr: {
      new: 'Candidature envoyée',
      contacted: 'L’employeur souhaite vous contacter',
      accepted: 'Vous avez accepté la demande de contact',
      interviewing: 'Entretiens en cours',
      offered: 'Vous avez reçu une offre',
      hired: 'Embauché·e',
      not_selected: 'Non retenu·e cette fois',
      withdrawn: 'Vous vous êtes retiré·e',
    },
    es: {
      new: 'Candidatura enviada',
      contacted: 'El empleador desea contactarle',
      accepted: 'Aceptó la solicitud de contacto',
      interviewing: 'Entrevistas en curso',
      offered: 'Recibió una oferta',
      hired: 'Contratado/a',
      not_selected: 'No seleccionado/a esta vez',
      withdrawn: 'Se retiró',
    },
    ar: {
      new: 'تم إرسال الترشح',
      contacted: 'يرغب صاحب العمل في التواصل معك',
      accepted: 'قبلت طلب التواصل',
      interviewing: 'المقابلات جارية',
      offered: 'تلقيت عرض عمل',
      hired: 'تم التوظيف',
      not_selected: 'لم يتم اختيارك هذه المرة',
      withdrawn: 'لقد انسحبت',
    },
  },
  employer: {
    en: {
      new: 'New application',
      contacted: 'Contact request sent, awaiting the candidate',
      accepted: 'Candidate accepted your request',
      interviewing: 'Interviewing',
      offered: 'Offer made',
      hired: 'Hired',
      not_selected: 'Not selected',
      withdrawn: 'Candidate declined or withdrew',
    },
    fr: {
      new: 'Nouvelle candidature',
      contacted: 'Demande de contact envoyée, en attente du candidat',
      accepted: 'Le candidat a accepté votre demande',
      interviewing: 'Entretiens',
      offered: 'Offre faite',
      hired: 'Embauché',
      not_selected: 'Non retenu',
      withdrawn: 'Le candidat a refusé ou s’est retiré',
    },
    es: {
      new: 'Nueva candidatura',
      contacted: 'Solicitud de contacto enviada, a la espera del candidato',
      accepted: 'El candidato aceptó su solicitud',
      interviewing: 'Entrevistas',
      offered: 'Oferta realizada',
      hired: 'Contratado',
      not_selected: 'No seleccionado',
      withdrawn: 'El candidato rechazó o se retiró',
    },
    ar: {
      new: 'ترشح جديد',
      contacted: 'تم إرسال طلب التواصل، بانتظار المرشح',
      accepted: 'قبل المرشح طلبك',
      interviewing: 'مقابلات',
      offered: 'تم تقديم عرض',
      hired: 'تم التوظيف',
      not_selected: 'لم يتم اختياره',
      withdrawn: 'رفض المرشح أو انسحب',
    },
  },
};

export function stageLabel(
  stage: Stage,
  side: 'candidate' | 'employer',
  language: ReaderLanguage = 'en',
): string {
  return WORDS[side][language][stage];
}
