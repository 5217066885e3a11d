/*
 * SQL fragments over the bitemporal read-model tables (see the migration): a row is the answer
 * "on date D, as known at T" when D falls in [valid_from, valid_to) and T in [known_from, known_to).
 */

/** $3 is knownAt ('infinity' when absent); `alias` the table alias. */
export const known = (alias: string, param = '$3') =>
  // 'infinity' < 'infinity' is false, so rows still current (known_to = 'infinity') are matched explicitly.
  `${alias}.known_from <= ${param}::timestamptz AND (${alias}.known_to = 'infinity' OR ${param}::timestamptz < ${alias}.known_to)`;

/** A transaction-time condition on a table alias. */
export type Known = (alias: string) => string;

/**
 * `known` for an optional knownAt. Without one (the common case) the condition is written as what it
 * reduces to for T = 'infinity' — known_to = 'infinity' (known_from <= 'infinity' always holds and
 * 'infinity' < known_to never does) — because only that form lets the planner use the partial
 * indexes `WHERE known_to = 'infinity'`; the parameterised OR matches none of them. The query must
 * then not pass knownAt as `param` at all.
 */
export const knownAt = (at: string | undefined, param: string): Known =>
  at === undefined ? (alias) => `${alias}.known_to = 'infinity'` : (alias) => known(alias, param);

export const valid = (alias: string, date: string) =>
  `${alias}.valid_from <= ${date}::date AND ${date}::date < ${alias}.valid_to`;

/** The organizations in the subtree of $1 on $2 as known at `k` (SEMANTICS.md rule 4), from the closure table. */
export const subtree = (k: Known) =>
  `SELECT c.org_id FROM rm_org_closure c WHERE c.ancestor_id = $1 AND ${valid('c', '$2')} AND ${k('c')}`;

/** `subtree` as known at $3. */
export const SUBTREE = subtree((alias) => known(alias));
