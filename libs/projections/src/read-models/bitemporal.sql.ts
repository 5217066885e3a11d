/*
 * SQL fragments over the bitemporal read-model tables (see the migration): a row is the answer
 * "on date D, as known at T" when D falls in [valid_from, valid_to) and T in [known_from, known_to).
 */

/** $3 is knownAt ('infinity' when absent); `alias` the table alias. */
export const known = (alias: string, param = '$3') =>
  // 'infinity' < 'infinity' is false, so rows still current (known_to = 'infinity') are matched explicitly.
  `${alias}.known_from <= ${param}::timestamptz AND (${alias}.known_to = 'infinity' OR ${param}::timestamptz < ${alias}.known_to)`;

export const valid = (alias: string, date: string) =>
  `${alias}.valid_from <= ${date}::date AND ${date}::date < ${alias}.valid_to`;

/** The organizations in the subtree of $1 on $2 as known at $3 (SEMANTICS.md rule 4), from the closure table. */
export const SUBTREE = `SELECT c.org_id FROM rm_org_closure c WHERE c.ancestor_id = $1 AND ${valid('c', '$2')} AND ${known('c')}`;
