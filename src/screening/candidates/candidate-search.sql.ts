/**
 * The SQL the screening runs, kept here so a change to a query shows in review. Trigram similarity (pg_trgm
 * `%`) over the match keys finds the pairs worth comparing; the comparison itself is src/screening/matching.
 * The threshold is set per transaction (SET LOCAL pg_trgm.similarity_threshold) from CANDIDATE_TRIGRAM_THRESHOLD.
 */

/**
 * Postgres's default: a typo in a six-letter name ("Huamie") keeps 0.4 and a listed name inside a group's
 * longer one ("Ruyi Huamei") about 0.38, while pinyin names sharing one syllable mostly fall below it.
 */
export const CANDIDATE_TRIGRAM_THRESHOLD = 0.3;

/** Entries in force on a date: listed, and not (yet) removed. */
export const ENTRIES_IN_FORCE_SQL = `
  SELECT e.id, e.name, e.aliases, e.name_zh, e.address, e.country, e.source_url, e.content_hash
  FROM entity_list_entries e
  WHERE e.removed_on IS NULL OR e.removed_on > $1::date`;

/** Facility/entry pairs whose keys are alike, for one supplier-list version (optionally some suppliers only). */
export const PAIRS_FOR_SUPPLIER_LIST_SQL = `
  SELECT DISTINCT f.id AS facility_id, n.entry_id
  FROM supplier_facilities f
  JOIN entity_list_entry_names n ON n.match_key % f.match_key
  WHERE f.supplier_list_id = $1 AND ($2::text[] IS NULL OR f.external_id = ANY($2))`;

/** Facility/entry pairs for some entries, over each brand's newest supplier-list version. */
export const PAIRS_FOR_ENTRIES_SQL = `
  WITH newest AS (
    SELECT DISTINCT ON (brand_id) id
    FROM supplier_lists
    ORDER BY brand_id, published_on DESC, created_at DESC
  )
  SELECT DISTINCT f.id AS facility_id, n.entry_id
  FROM entity_list_entry_names n
  JOIN supplier_facilities f ON f.match_key % n.match_key
  WHERE n.entry_id = ANY($1::uuid[]) AND f.supplier_list_id IN (SELECT id FROM newest)`;

export const FACILITIES_BY_ID_SQL = `
  SELECT f.id, f.external_id, f.name, f.address, f.country, f.content_hash, l.brand_id
  FROM supplier_facilities f
  JOIN supplier_lists l ON l.id = f.supplier_list_id
  WHERE f.id = ANY($1::uuid[])`;
