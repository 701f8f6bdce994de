const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const ESCO_OCCUPATION_URI = new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`);
export const ESCO_SKILL_URI = new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`);
export const ESCO_ISCO_GROUP_URI = /^http:\/\/data\.europa\.eu\/esco\/isco\/C\d{1,4}$/;
export const ISCO_CODE = /^\d{1,4}$/;

const ESCO_SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';

/**
 * The short key of a skill URI: its UUID, without the prefix every ESCO skill shares. Search
 * documents repeat a key per skill per hit, so the prefix would be a third of what they carry. A
 * URI of another form is kept whole, and `escoSkillUri` gives it back unchanged.
 */
export function escoSkillKey(uri: string): string {
  return uri.startsWith(ESCO_SKILL_PREFIX) ? uri.slice(ESCO_SKILL_PREFIX.length) : uri;
}

/** The skill URI behind a key made by `escoSkillKey`. */
export function escoSkillUri(key: string): string {
  return key.includes(':') ? key : `${ESCO_SKILL_PREFIX}${key}`;
}
