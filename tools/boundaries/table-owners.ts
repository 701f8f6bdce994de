/**
 * The one library that owns each table: only it names the table in SQL or maps it to an entity.
 * Other libraries read what the owner publishes (a TypeScript service, an exported SQL fragment or
 * a view listed in PUBLISHED_VIEWS). A table without an owner here fails the boundary check.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  outbox_messages: 'queue',
  audit_events: 'audit',
  mail_messages: 'mail',
  accounts: 'identity',
  auth_sessions: 'identity',
  refresh_tokens: 'identity',
  account_tokens: 'identity',
  taxonomy_versions: 'taxonomy',
  isco_groups: 'taxonomy',
  occupations: 'taxonomy',
  occupation_hierarchy: 'taxonomy',
  occupation_skills: 'taxonomy',
  skills: 'taxonomy',
  skill_collections: 'taxonomy',
  skill_hierarchy: 'taxonomy',
  skill_relations: 'taxonomy',
  countries: 'reference-data',
  languages: 'reference-data',
  cefr_levels: 'reference-data',
  eqf_levels: 'reference-data',
  member_states: 'reference-data',
  partner_country_statuses: 'partner-countries',
  partner_country_applied_statuses: 'partner-country-administration',
  shortage_sectors: 'shortage-occupations',
  shortage_entries: 'shortage-occupations',
  employer_organisations: 'employers',
  excluded_registration_numbers: 'employers',
  vacancies: 'vacancies',
  vacancy_versions: 'vacancies',
  candidates: 'candidates',
  candidate_education: 'candidates',
  candidate_languages: 'candidates',
  candidate_occupations: 'candidates',
  candidate_qualifications: 'candidates',
  candidate_skills: 'candidates',
  candidate_work_experience: 'candidates',
  matches: 'matching',
  match_refresh_rows: 'matching',
  match_statuses: 'matching',
  contacts: 'contacts',
  contact_messages: 'contacts',
  consent_receipts: 'contacts',
  contact_suspensions: 'contacts',
  placements: 'contacts',
  consistency_reports: 'consistency',
  notifications: 'notifications',
  notification_preferences: 'notifications',
  saved_searches: 'notifications',
  saved_search_hits: 'notifications',
  webhook_endpoints: 'notifications',
  webhook_deliveries: 'notifications',
  match_notices: 'notifications',
};

/** Views an owner publishes for every library to read (none yet: owners publish SQL fragments). */
export const PUBLISHED_VIEWS: Readonly<Record<string, string>> = {};

/**
 * Reads that still bypass their owner, each to be replaced by something the owner publishes. None are left:
 * the boundary check fails on any foreign read, and on an entry here that no longer occurs.
 */
export const KNOWN_FOREIGN_READS: readonly { library: string; table: string }[] = [];
