import { DemoFigures } from '@ledger/generator';
import { PointInTime } from '@ledger/projections';

/** One published figure, as the read models answer it and as the seeds publish it. */
export interface FigureCheck {
  what: string;
  expected: string;
  actual: string;
}

const n = (x: number) => x.toLocaleString('en');

/**
 * Asks the read models the three questions whose answers the seeds publish. Each check compares the
 * whole answer that matters (not only a total), so a figure right by accident fails too.
 */
export async function checkDemoFigures(
  readModels: PointInTime,
  figures: DemoFigures,
): Promise<FigureCheck[]> {
  const { sonDuong, thanhBa, naKhe } = figures;
  const flows = await readModels.flows({
    organizationId: sonDuong.organizationId,
    from: sonDuong.from,
    to: sonDuong.to,
  });
  const counts = await readModels.counts({ organizationId: thanhBa.organizationId, asOf: thanhBa.asOf });
  const ratings = await readModels.ratings({ organizationId: naKhe.organizationId, year: naKhe.year });
  const byGood = await readModels.ratings({
    organizationId: naKhe.organizationId,
    year: naKhe.year,
    quotaDenominator: 'good',
  });
  const subOrganizations = Object.values(counts.organizations).reduce((a, b) => a + b, 0);
  const tally = (t: Record<'excellent' | 'good' | 'completed' | 'not_completed', number>) =>
    `${t.excellent} excellent, ${t.good} good, ${t.completed} completed, ${t.not_completed} not completed`;
  return [
    {
      what: `${sonDuong.name}, admitted ${sonDuong.from} to ${sonDuong.to}`,
      expected: n(sonDuong.admitted),
      actual: n(flows.admitted),
    },
    {
      what: `${sonDuong.name}, disciplined ${sonDuong.from} to ${sonDuong.to}`,
      expected: n(sonDuong.disciplined),
      actual: n(flows.disciplined.total),
    },
    {
      what: `${thanhBa.name}, members on ${thanhBa.asOf}`,
      expected: n(thanhBa.members),
      actual: n(counts.total),
    },
    {
      what: `${thanhBa.name}, sub-organizations on ${thanhBa.asOf}`,
      expected: `${thanhBa.organizations} cells`,
      actual: `${counts.organizations.cell} cells${subOrganizations !== counts.organizations.cell ? ` of ${subOrganizations}` : ''}`,
    },
    {
      what: `${naKhe.name}, members rated for ${naKhe.year}`,
      expected: tally(naKhe.members),
      actual: tally(ratings.members),
    },
    {
      what: `${naKhe.name}, cells rated for ${naKhe.year}`,
      expected: tally(naKhe.cells),
      actual: tally(ratings.organizations),
    },
    {
      what: `${naKhe.name}, ASM-3 quota over good-or-better / over good`,
      expected: 'holds / fails',
      actual: `${ratings.excellentQuota.holds ? 'holds' : 'fails'} / ${byGood.excellentQuota.holds ? 'holds' : 'fails'}`,
    },
  ];
}

/** The questions to ask the running app, as curl lines. */
export function curlLines(figures: DemoFigures, baseUrl: string): string[] {
  const { sonDuong, thanhBa, naKhe } = figures;
  return [
    `# ${sonDuong.name}: admitted ${n(sonDuong.admitted)} and disciplined.total ${sonDuong.disciplined}, ${sonDuong.from} to ${sonDuong.to}`,
    `curl '${baseUrl}/api/stats/flows?organizationId=${sonDuong.organizationId}&from=${sonDuong.from}&to=${sonDuong.to}'`,
    `# ${thanhBa.name} after the merger: total ${n(thanhBa.members)} members, ${thanhBa.organizations} cells`,
    `curl '${baseUrl}/api/organizations/${thanhBa.organizationId}/counts?asOf=${thanhBa.asOf}'`,
    `# ${naKhe.name}, ${naKhe.year}: cells 3 excellent and 12 good, members 45 excellent and 199 good; the quota holds`,
    `curl '${baseUrl}/api/stats/ratings?organizationId=${naKhe.organizationId}&year=${naKhe.year}'`,
    `# … and fails when the 20% is taken of those rated good alone (45 > 39)`,
    `curl '${baseUrl}/api/stats/ratings?organizationId=${naKhe.organizationId}&year=${naKhe.year}&quotaDenominator=good'`,
  ];
}
