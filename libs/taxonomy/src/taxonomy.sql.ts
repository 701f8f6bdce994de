/** ESCO occupations for SQL readers: a relation of `uri` and `isco_code`. */
export const OCCUPATIONS_SQL = '(SELECT uri, isco_code FROM occupations)';

/** The version of the newest import, as a scalar subquery (NULL before any import). */
export const CURRENT_TAXONOMY_VERSION_SQL =
  '(SELECT version FROM taxonomy_versions ORDER BY imported_at DESC LIMIT 1)';

/** Skill → broader skill links between skills the taxonomy holds: a relation of `skill_uri`, `broader_uri`. */
export const SKILL_BROADER_LINKS_SQL = `(SELECT h.concept_uri AS skill_uri, h.broader_uri FROM skill_hierarchy h
  JOIN skills s1 ON s1.uri = h.concept_uri JOIN skills s2 ON s2.uri = h.broader_uri)`;

/** Related-skill links: a relation of `skill_uri` and `related_skill_uri`. */
export const SKILL_RELATED_LINKS_SQL = '(SELECT skill_uri, related_skill_uri FROM skill_relations)';

/**
 * Skill → how many ESCO occupations list it in their skill profile (essential or optional): a
 * relation of `skill_uri` and `occupations`.
 */
export const SKILL_PROFILE_COUNTS_SQL =
  '(SELECT skill_uri, count(*)::int AS occupations FROM occupation_skills GROUP BY skill_uri)';

/** How many ESCO occupations have a skill profile, as a scalar subquery. */
export const PROFILED_OCCUPATIONS_SQL = `(SELECT count(*)::int FROM occupations o
  WHERE EXISTS (SELECT 1 FROM occupation_skills s WHERE s.occupation_uri = o.uri))`;
