const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const ESCO_OCCUPATION_URI = new RegExp(`^http://data\\.europa\\.eu/esco/occupation/${UUID}$`);
export const ESCO_SKILL_URI = new RegExp(`^http://data\\.europa\\.eu/esco/skill/${UUID}$`);
export const ESCO_ISCO_GROUP_URI = /^http:\/\/data\.europa\.eu\/esco\/isco\/C\d{1,4}$/;
export const ISCO_CODE = /^\d{1,4}$/;
