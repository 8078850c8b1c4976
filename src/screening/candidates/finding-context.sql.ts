/** The two sources a confirmed candidate's finding cites, and what its text names (one row). */
export const FINDING_CONTEXT_SQL = `
  SELECT f.name AS supplier_name, f.address AS supplier_address, f.country AS supplier_country,
         to_char(l.published_on, 'YYYY-MM-DD') AS published_on, l.source_evidence_id AS supplier_evidence_id,
         e.name AS entity_name, e.external_id AS entity_external_id, e.list_section,
         to_char(e.added_on, 'YYYY-MM-DD') AS added_on, e.source_evidence_id AS entry_evidence_id,
         el.slug AS list_slug, el.name AS list_name
  FROM supplier_facilities f
  JOIN supplier_lists l ON l.id = f.supplier_list_id
  JOIN entity_list_entries e ON e.id = $2
  JOIN entity_lists el ON el.id = e.list_id
  WHERE f.id = $1`;
