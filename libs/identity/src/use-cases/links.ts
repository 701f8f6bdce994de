import type { AppConfig } from '@app/config';

/** Links in mails point at the web front end, which posts the token back to the API. */
export function actionLink(
  config: AppConfig,
  path: 'verify-email' | 'reset-password',
  token: string,
): string {
  return `${config.mail.publicUrl}/${path}?token=${encodeURIComponent(token)}`;
}

/** A page of the web front end that needs no token (the link proves nothing). */
export function pageLink(config: AppConfig, path: 'forgot-password'): string {
  return `${config.mail.publicUrl}/${path}`;
}
