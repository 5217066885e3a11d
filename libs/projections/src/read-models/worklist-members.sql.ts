import { Pool } from 'pg';
import { Bitemporal } from '../point-in-time';
import { known, SUBTREE, valid } from './bitemporal.sql';

export interface InTransitQuery extends Bitemporal {
  organizationId: string;
  asOf: string;
}

/**
 * Members active on asOf (as known at knownAt) who are in transit on an official transfer — counted in
 * no cell (TRF-7), so absent from every roster — whose sending or receiving cell is in the subtree on
 * asOf. The sending cell is the cell they are still registered in; the receiving cell is the other
 * cell of their latest transferredOut flow (the transfer in progress).
 */
const IN_TRANSIT = `
  WITH sub AS (${SUBTREE}),
  transit AS (
    SELECT m.member_id, m.registered_cell_id FROM rm_member_timeline m
     WHERE ${valid('m', '$2')} AND ${known('m')}
       AND m.status IN ('probationary', 'official') AND m.counted_cell_id IS NULL
  ),
  receiving AS (
    SELECT DISTINCT ON (f.member_id) f.member_id, f.other_cell_id
      FROM rm_member_flows f JOIN transit t ON t.member_id = f.member_id
     WHERE f.kind = 'transferredOut' AND f.effective_date <= $2::date AND ${known('f')}
     ORDER BY f.member_id, f.position DESC
  )
  SELECT t.member_id FROM transit t LEFT JOIN receiving r ON r.member_id = t.member_id
   WHERE t.registered_cell_id IN (SELECT org_id FROM sub) OR r.other_cell_id IN (SELECT org_id FROM sub)
   ORDER BY t.member_id COLLATE "C"`;

export const membersInTransit = async (pool: Pool, q: InTransitQuery): Promise<string[]> => {
  const result = await pool.query<{ member_id: string }>(IN_TRANSIT, [
    q.organizationId,
    q.asOf,
    q.knownAt ?? 'infinity',
  ]);
  return result.rows.map((r) => r.member_id);
};
