/** The one form an email address is stored and compared in. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function localPartOf(email: string): string {
  const normalised = normaliseEmail(email);
  const at = normalised.lastIndexOf('@');
  return at > 0 ? normalised.slice(0, at) : normalised;
}
