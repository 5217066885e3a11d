import { timeline } from './timeline';

type E = { effectiveDate: string; add: number };
const evolve = (s: number, e: E) => s + e.add;

describe('timeline', () => {
  it('cuts the history at each effective date and merges equal neighbours', () => {
    const events: E[] = [
      { effectiveDate: '2020-01-01', add: 1 },
      { effectiveDate: '2021-01-01', add: 0 },
      { effectiveDate: '2022-01-01', add: 1 },
    ];
    expect(timeline(events, evolve, 0, (s) => s)).toEqual([
      { validFrom: '2020-01-01', validTo: '2022-01-01', value: 1 },
      { validFrom: '2022-01-01', validTo: 'infinity', value: 2 },
    ]);
  });

  it('folds in log order a backdated event recorded later', () => {
    // recorded second, effective first: on 2020-06-01 only it has taken effect.
    const events: E[] = [
      { effectiveDate: '2021-01-01', add: 10 },
      { effectiveDate: '2020-06-01', add: 1 },
    ];
    expect(timeline(events, evolve, 0, (s) => s)).toEqual([
      { validFrom: '2020-06-01', validTo: '2021-01-01', value: 1 },
      { validFrom: '2021-01-01', validTo: 'infinity', value: 11 },
    ]);
  });

  it('leaves out the dates where the projection has no row', () => {
    const events: E[] = [
      { effectiveDate: '2020-01-01', add: 1 },
      { effectiveDate: '2021-01-01', add: -1 },
    ];
    expect(timeline(events, evolve, 0, (s) => (s > 0 ? s : null))).toEqual([
      { validFrom: '2020-01-01', validTo: '2021-01-01', value: 1 },
    ]);
  });
});
