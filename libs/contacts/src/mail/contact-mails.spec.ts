import { READER_LANGUAGES } from '@app/vacancies';
import { CONTACT_MAIL_EVENTS, contactMail } from './contact-mails';

describe('contact mails', () => {
  const params = {
    organisation: 'Werf BV',
    vacancy: 'Welder',
    referenceCode: 'TP-AAAA-BBBB',
    link: 'http://127.0.0.1:3000/x',
    stage: 'Interviewing',
  };

  it.each(
    CONTACT_MAIL_EVENTS.flatMap((event) => READER_LANGUAGES.map((language) => [event, language] as const)),
  )('renders %s in %s with the vacancy and the link', (event, language) => {
    const mail = contactMail(event, language, 'a@example.org', params);
    expect(mail.template).toBe(`contacts.${event.replace(/_/g, '-')}`);
    expect(mail.subject.length).toBeGreaterThan(5);
    expect(mail.subject + mail.text).toContain('Welder');
    expect(mail.text).toContain(params.link);
  });

  it('speaks the reader’s language', () => {
    expect(contactMail('request_received', 'fr', 'a@example.org', params).subject).toMatch(/souhaite/);
    expect(contactMail('request_received', 'ar', 'a@example.org', params).subject).toMatch(/التواصل/);
  });
});
