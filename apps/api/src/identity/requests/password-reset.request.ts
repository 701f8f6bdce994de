import { EmailField } from './credentials';

export class PasswordResetRequest extends EmailField {}
