import { EmailAndLanguage } from './credentials';

/**
 * Candidate self-registration: an address only. Its holder chooses the password through the
 * emailed verification link, so no one can attach a password to an address they do not own. The
 * language becomes the new account's mail language (`PUT /me/notification-preferences` changes it).
 */
export class RegisterRequest extends EmailAndLanguage {}
