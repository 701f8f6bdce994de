import { EmailAndLanguage } from './credentials';

export class PasswordResetRequest extends EmailAndLanguage {}
