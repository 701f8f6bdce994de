import type { PlatformEvent } from '@app/queue';

/** The event types partner systems can subscribe to: those the platform produces today. */
export const WEBHOOK_EVENT_TYPES = [
  'profile.renewed',
  'vacancy.published',
  'vacancy.closed',
  'consent.granted',
  'consent.withdrawn',
  'placement.recorded',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export interface WebhookEvent {
  type: WebhookEventType;
  /** Ids and the candidate's pseudonymous reference code only: what the event's consent allows. */
  data: Record<string, string>;
}

/** Contact steps that grant consent (an application, an accepted request) or withdraw it. */
const CONSENT_STEPS: Readonly<Record<string, WebhookEventType>> = {
  application_received: 'consent.granted',
  request_accepted: 'consent.granted',
  consent_withdrawn: 'consent.withdrawn',
};

export function toWebhookEvent(event: PlatformEvent): WebhookEvent | null {
  switch (event.type) {
    case 'vacancy.published':
    case 'vacancy.closed':
      return { type: event.type, data: { vacancyId: event.vacancyId, organisationId: event.organisationId } };
    case 'contact.step': {
      // A hire records the placement; the candidate is told of the step, so it travels on their side.
      if (event.step === 'stage_changed' && event.stage === 'hired')
        return {
          type: 'placement.recorded',
          data: {
            contactId: event.contactId,
            vacancyId: event.vacancyId,
            referenceCode: event.referenceCode,
          },
        };
      const type = CONSENT_STEPS[event.step];
      if (!type || event.recipient.side !== 'employer') return null;
      return {
        type,
        data: {
          contactId: event.contactId,
          vacancyId: event.vacancyId,
          organisationId: event.recipient.organisationId,
          referenceCode: event.referenceCode,
        },
      };
    }
    case 'candidate.renewed':
      return { type: 'profile.renewed', data: { referenceCode: event.referenceCode } };
    case 'employer.registered':
    case 'employer.status_changed':
    case 'candidate.expiry_reminder':
    case 'partner_country.status_applied':
      return null;
  }
}
