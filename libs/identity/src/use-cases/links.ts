import type { AppConfig } from '@app/config';
import type { MailLanguage } from '../identity-mails';

/**
 * Links in mails point at the web front end, which posts the token back to the API: at the page in
 * the reader's language when it is known (`/fr/verify-email`), else at the language-less address,
 * which the web front end sends on by the browser's Accept-Language.
 */
export function actionLink(
  config: AppConfig,
  path: 'verify-email' | 'reset-password',
  token: string,
  language?: MailLanguage,
): string {
  return `${config.mail.publicUrl}${language ? `/${language}` : ''}/${path}?token=${encodeURIComponent(token)}`;
}

/** A page of the web front end that needs no token (the link proves nothing). */
export function pageLink(config: AppConfig, path: 'forgot-password', language?: MailLanguage): string {
  return `${config.mail.publicUrl}${language ? `/${language}` : ''}/${path}`;
}
