import { createHash } from 'node:crypto';
import { Pool, QueryResult, QueryResultRow } from 'pg';
import { EntityNotFound, ORGANIZATION_KINDS, OrganizationKind } from '@ledger/domain';
import {
  Counts,
  CountsQuery,
  DISCIPLINE_FORMS,
  FLOW_KINDS,
  FlowItem,
  FlowKind,
  Flows,
  FlowsQuery,
  CasesQuery,
  CaseListItem,
  MeetingsQuery,
  MeetingStatistics,
  periodUnits,
  PointInTime,
  RatingCounts,
  Ratings,
  RatingsQuery,
  Roster,
  RosterQuery,
} from '../point-in-time';
import { known, knownAt, SUBTREE, subtree, valid } from './bitemporal.sql';

const RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;

/**
 * A statement prepared once per connection (named by its text) whose plan PostgreSQL caches: the
 * count queries take 0.1–1.5 ms to run and 1–2 ms to plan (the planner probes the indexes' ends
 * for the date ranges), and their plan is the same shape for any organization and date.
 */
/** Statement names by text: computed once, not hashed again on every count. */
const statementNames = new Map<string, string>();

const prepared = <R extends QueryResultRow>(
  pool: Pool,
  text: string,
  values: unknown[],
): Promise<QueryResult<R>> => {
  let name = statementNames.get(text);
  if (!name)
    statementNames.set(text, (name = `pit_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return pool.query<R>({ name, text, values });
};

/** knownAt is $3 only when given: without it the count queries match the partial indexes (knownAt()). */
const countParams = (q: CountsQuery) => ({
  k: knownAt(q.knownAt, '$3'),
  args: q.knownAt === undefined ? [q.organizationId, q.asOf] : [q.organizationId, q.asOf, q.knownAt],
});

/** The read models' answers to SEMANTICS.md, in SQL over the bitemporal tables. */
export class SqlPointInTime implements PointInTime {
  constructor(private readonly pool: Pool) {}

  async counts(q: CountsQuery): Promise<Counts> {
    // The three queries run side by side, on three connections: a count is then one round trip
    // (and one plan) long, not three. An unknown organization still answers 404.
    const [, members, orgs] = await Promise.all([
      this.requireOrganization(q.organizationId),
      this.countMembers(q),
      this.countOrganizations(q),
    ]);
    const by = (status: string) => members.find((r) => r.status === status)?.n ?? 0;
    const organizations = Object.fromEntries(ORGANIZATION_KINDS.map((k) => [k, 0])) as Record<
      OrganizationKind,
      number
    >;
    for (const r of orgs) organizations[r.kind] = r.n;
    return {
      organizationId: q.organizationId,
      asOf: q.asOf,
      total: by('probationary') + by('official'),
      probationary: by('probationary'),
      official: by('official'),
      exempted: members.reduce((sum, r) => sum + r.exempted, 0),
      organizations,
    };
  }

  private async countMembers(q: CountsQuery): Promise<{ status: string; n: number; exempted: number }[]> {
    const { k, args } = countParams(q);
    // "Counted cell in the subtree" as a semi-join: the planner de-duplicates the subtree and probes
    // the member index once per cell (an index-only scan of rm_member_timeline_counted_current),
    // where a plain join was costed with Memoize, which never hits on distinct cells.
    const members = await prepared<{ status: string; n: number; exempted: number }>(
      this.pool,
      `SELECT m.status, count(*)::int AS n,
              count(*) FILTER (WHERE m.exempt_from <= $2::date AND (m.exempt_until IS NULL OR $2::date <= m.exempt_until))::int AS exempted
         FROM rm_member_timeline m
        WHERE m.counted_cell_id IN (${subtree(k)})
          AND ${valid('m', '$2')} AND ${k('m')} AND m.status IN ('probationary', 'official')
        GROUP BY m.status`,
      args,
    );
    return members.rows;
  }

  private async countOrganizations(q: CountsQuery): Promise<{ kind: OrganizationKind; n: number }[]> {
    const { k, args } = countParams(q);
    const orgs = await prepared<{ kind: OrganizationKind; n: number }>(
      this.pool,
      `SELECT o.kind, count(*)::int AS n FROM rm_org_timeline o
        WHERE o.org_id IN (${subtree(k)})
          AND o.org_id <> $1 AND ${valid('o', '$2')} AND ${k('o')} AND o.status = 'active'
        GROUP BY o.kind`,
      args,
    );
    return orgs.rows;
  }

  async roster(q: RosterQuery): Promise<Roster> {
    await this.requireOrganization(q.organizationId);
    // knownAt is $6 only when given: without it the query matches the partial indexes (knownAt()).
    const k = knownAt(q.knownAt, '$6');
    const result = await this.pool.query<{
      member_id: string;
      full_name: string;
      status: 'probationary' | 'official';
      cell_id: string;
      exempted: boolean;
      total: number;
    }>(
      `SELECT m.member_id, m.full_name, m.status, m.counted_cell_id AS cell_id,
              (m.exempt_from IS NOT NULL AND m.exempt_from <= $2::date AND (m.exempt_until IS NULL OR $2::date <= m.exempt_until)) AS exempted,
              count(*) OVER ()::int AS total
         FROM rm_member_timeline m
        WHERE m.counted_cell_id IN (${subtree(k)})
          AND ${valid('m', '$2')} AND ${k('m')}
          AND m.status IN ('probationary', 'official') AND ($3::text IS NULL OR m.status = $3)
        ORDER BY m.full_name COLLATE "C", m.member_id COLLATE "C"
        OFFSET $4 LIMIT $5`,
      [
        q.organizationId,
        q.asOf,
        q.status ?? null,
        q.offset,
        q.limit,
        ...(q.knownAt === undefined ? [] : [q.knownAt]),
      ],
    );
    let total = result.rows[0]?.total ?? 0;
    if (result.rows.length === 0 && q.offset > 0) {
      // The page is past the end: count from the first page.
      total = (await this.roster({ ...q, offset: 0, limit: 1 })).total;
    }
    return {
      total,
      items: result.rows.map((r) => ({
        memberId: r.member_id,
        fullName: r.full_name,
        status: r.status,
        cellId: r.cell_id,
        exempted: r.exempted,
      })),
    };
  }

  async flows(q: FlowsQuery): Promise<Flows> {
    const rows = await this.flowRows(
      q,
      `SELECT f.kind, f.form, count(*)::int AS n`,
      'GROUP BY f.kind, f.form',
    );
    const figures = Object.fromEntries(FLOW_KINDS.map((k) => [k, 0])) as Record<FlowKind, number>;
    const disciplined = {
      ...Object.fromEntries(DISCIPLINE_FORMS.map((f) => [f, 0])),
      total: 0,
    } as Flows['disciplined'];
    for (const r of rows as { kind: string; form: string | null; n: number }[]) {
      if (r.kind === 'disciplined') {
        if (r.form && r.form in disciplined) disciplined[r.form as keyof typeof disciplined] += r.n;
        disciplined.total += r.n;
      } else figures[r.kind as FlowKind] += r.n;
    }
    return { organizationId: q.organizationId, from: q.from, to: q.to, ...figures, disciplined };
  }

  async flowItems(q: FlowsQuery & { kind: FlowKind | 'disciplined' }): Promise<FlowItem[]> {
    const rows = (await this.flowRows(
      q,
      'SELECT f.kind, f.member_id, f.event_id, f.type, f.effective_date::text AS effective_date, f.decision_ref, f.form',
      'AND f.kind = $4 ORDER BY f.position',
      [q.kind],
    )) as {
      kind: FlowItem['kind'];
      member_id: string;
      event_id: string;
      type: string;
      effective_date: string;
      decision_ref: string | null;
      form: string | null;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      memberId: r.member_id,
      eventId: r.event_id,
      type: r.type,
      effectiveDate: r.effective_date,
      ...(r.decision_ref ? { decisionRef: r.decision_ref } : {}),
      ...(r.form ? { form: r.form as FlowItem['form'] } : {}),
    }));
  }

  async ratings(q: RatingsQuery): Promise<Ratings> {
    await this.requireOrganization(q.organizationId);
    const asOf = `${q.year}-12-31`;
    const args = [q.organizationId, asOf, q.knownAt ?? 'infinity', q.year];
    const members = await this.pool.query<{ rating: string; n: number }>(
      `WITH sub AS (${SUBTREE})
       SELECT r.rating, count(*)::int AS n FROM rm_ratings r
         JOIN rm_member_timeline m ON m.member_id = r.subject_id AND ${valid('m', '$2')} AND ${known('m')}
         JOIN sub ON sub.org_id = m.registered_cell_id
        WHERE r.subject = 'member' AND r.year = $4 AND ${known('r')}
        GROUP BY r.rating`,
      args,
    );
    const orgs = await this.pool.query<{ rating: string; n: number }>(
      `WITH sub AS (${SUBTREE})
       SELECT r.rating, count(*)::int AS n FROM rm_ratings r JOIN sub ON sub.org_id = r.subject_id
        WHERE r.subject = 'organization' AND r.subject_id <> $1 AND r.year = $4 AND ${known('r')}
        GROUP BY r.rating`,
      args,
    );
    const tally = (rows: { rating: string; n: number }[]) => {
      const counts = Object.fromEntries(
        RATINGS.map((r) => [r, rows.find((x) => x.rating === r)?.n ?? 0]),
      ) as RatingCounts;
      counts.total = RATINGS.reduce((s, r) => s + counts[r], 0);
      const shares = Object.fromEntries(
        RATINGS.map((r) => [r, counts.total ? counts[r] / counts.total : 0]),
      ) as Ratings['members']['shares'];
      return { ...counts, shares };
    };
    const m = tally(members.rows);
    const denominator = q.quotaDenominator ?? 'goodOrBetter';
    const base = denominator === 'good' ? m.good : m.good + m.excellent;
    const limit = Math.floor(0.2 * base);
    return {
      organizationId: q.organizationId,
      year: q.year,
      members: m,
      organizations: tally(orgs.rows),
      excellentQuota: { denominator, limit, excellent: m.excellent, holds: m.excellent <= limit },
    };
  }

  async cases(q: CasesQuery): Promise<CaseListItem[]> {
    await this.requireOrganization(q.organizationId);
    const at = (alias: string) =>
      `${alias}.valid_from <= c.opened_on AND c.opened_on < ${alias}.valid_to AND ${known(alias, '$4')}`;
    const result = await this.pool.query<Record<string, string | null>>(
      `SELECT c.case_id, c.subject_kind, c.subject_id, c.opened_by, c.opened_on::text AS opened_on, c.status, c.form, c.decision_ref
         FROM rm_case_timeline c
        WHERE c.opened_on BETWEEN $2::date AND $3::date AND ${valid('c', '$3')} AND ${known('c', '$4')}
          AND ($5::text IS NULL OR c.status = $5)
          AND CASE c.subject_kind
                WHEN 'member' THEN EXISTS (
                  SELECT 1 FROM rm_member_timeline m JOIN rm_org_closure oc ON oc.org_id = m.registered_cell_id
                   WHERE m.member_id = c.subject_id AND ${at('m')} AND oc.ancestor_id = $1 AND ${at('oc')})
                ELSE EXISTS (SELECT 1 FROM rm_org_closure oc WHERE oc.org_id = c.subject_id AND oc.ancestor_id = $1 AND ${at('oc')})
              END
        ORDER BY c.opened_on, c.case_id COLLATE "C"`,
      [q.organizationId, q.from, q.to, q.knownAt ?? 'infinity', q.status ?? null],
    );
    return result.rows.map((r) => ({
      caseId: r.case_id!,
      subjectKind: r.subject_kind as CaseListItem['subjectKind'],
      subjectId: r.subject_id!,
      openedBy: r.opened_by!,
      openedOn: r.opened_on!,
      status: r.status!,
      form: r.form,
      decisionRef: r.decision_ref,
    }));
  }

  async meetings(q: MeetingsQuery): Promise<MeetingStatistics> {
    await this.requireOrganization(q.organizationId);
    const { months, quarters } = periodUnits(q.from, q.to);
    const result = await this.pool.query<Record<string, string | number | null>>(
      `WITH sub AS (${SUBTREE}),
       cells AS (
         SELECT o.org_id FROM rm_org_timeline o JOIN sub ON sub.org_id = o.org_id
          WHERE ${valid('o', '$2')} AND ${known('o')} AND o.status = 'active' AND o.kind IN ('cell', 'base_cell')),
       m AS (
         SELECT mt.* FROM rm_meetings mt JOIN cells ON cells.org_id = mt.org_id
          WHERE mt.held_on BETWEEN $4::date AND $2::date AND ${known('mt')})
       SELECT (SELECT count(*) FROM cells)::int AS cells,
              (SELECT count(*) FROM cells c WHERE (SELECT count(DISTINCT date_trunc('month', m.held_on)) FROM m
                 WHERE m.org_id = c.org_id AND m.meeting_kind = 'regular') = $5)::int AS monthly,
              (SELECT count(*) FROM cells c WHERE (SELECT count(DISTINCT date_trunc('quarter', m.held_on)) FROM m
                 WHERE m.org_id = c.org_id AND m.meeting_kind = 'thematic') = $6)::int AS quarterly,
              (SELECT count(*) FROM m WHERE m.meeting_kind = 'regular')::int AS regular,
              (SELECT count(*) FROM m WHERE m.meeting_kind = 'thematic')::int AS thematic,
              (SELECT sum(present) FROM m)::bigint AS present,
              (SELECT sum(expected) FROM m)::bigint AS expected`,
      [q.organizationId, q.to, q.knownAt ?? 'infinity', q.from, months, quarters],
    );
    const r = result.rows[0];
    const cells = Number(r.cells);
    const expected = Number(r.expected ?? 0);
    const attendance = expected > 0 ? Number(r.present) / expected : null;
    return {
      organizationId: q.organizationId,
      from: q.from,
      to: q.to,
      cells,
      months,
      cellsMeetingEveryMonth: Number(r.monthly),
      shareMeetingEveryMonth: cells ? Number(r.monthly) / cells : 0,
      quarters,
      cellsWithThematicEveryQuarter: Number(r.quarterly),
      shareThematicEveryQuarter: cells ? Number(r.quarterly) / cells : 0,
      regularMeetings: Number(r.regular),
      thematicMeetings: Number(r.thematic),
      attendance,
      attendanceAbove85: attendance !== null && attendance > 0.85,
    };
  }

  private async flowRows(
    q: FlowsQuery,
    select: string,
    tail: string,
    extra: unknown[] = [],
  ): Promise<unknown[]> {
    await this.requireOrganization(q.organizationId);
    // $1 the organization, $2..$3 the period, then `extra`, then knownAt only when asked.
    const k = knownAt(q.knownAt, `$${4 + extra.length}`);
    const inSubtree = (cell: string) =>
      `EXISTS (SELECT 1 FROM rm_org_closure c WHERE c.org_id = ${cell} AND c.ancestor_id = $1
                 AND c.valid_from <= f.effective_date AND f.effective_date < c.valid_to AND ${k('c')})`;
    // The cells ever in the subtree during the period come first (a necessary condition, so the
    // answer is the same): the flows are then read cell by cell from (cell_id, effective_date),
    // not every flow of the province in the period.
    const result = await this.pool.query(
      `${select} FROM rm_member_flows f
        WHERE f.cell_id IN (SELECT c.org_id FROM rm_org_closure c WHERE c.ancestor_id = $1
                              AND c.valid_from <= $3::date AND $2::date < c.valid_to AND ${k('c')})
          AND f.effective_date BETWEEN $2::date AND $3::date AND ${k('f')}
          AND ${inSubtree('f.cell_id')}
          AND (f.kind NOT IN ('transferredIn', 'transferredOut') OR f.other_cell_id IS NULL OR NOT ${inSubtree('f.other_cell_id')})
        ${tail}`,
      [q.organizationId, q.from, q.to, ...extra, ...(q.knownAt === undefined ? [] : [q.knownAt])],
    );
    return result.rows;
  }

  /** 404 for an organization the ledger has never recorded. */
  private async requireOrganization(id: string): Promise<void> {
    const found = await prepared(this.pool, 'SELECT 1 FROM rm_org_timeline WHERE org_id = $1 LIMIT 1', [id]);
    if (found.rowCount === 0) throw new EntityNotFound('organization', id);
  }
}
