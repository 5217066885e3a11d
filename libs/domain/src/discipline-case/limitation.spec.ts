import { CaseFile } from './discipline-case.state';
import { deferred, deferralEnded, opened, spec } from './discipline-case.fixtures';
import { DisciplineCaseEvent } from './discipline-case.events';
import { deferredDays, isTimeBarred, limitationEndsOn } from './limitation';

const fileOf = (...events: DisciplineCaseEvent[]): CaseFile => {
  const { state } = spec.given(...events);
  if (state.status === 'none') throw new Error('no case');
  return state;
};
const breachOf2018 = fileOf(opened({ violationDate: '2018-05-01' }, '2024-01-10'));

describe('limitation (DIS-8): a reprimand-level breach of 2018 decided in 2024', () => {
  it('is time-barred: 5 years ran out on 2023-05-01', () => {
    expect(limitationEndsOn(breachOf2018, 'reprimand', '2024-02-01')).toBe('2023-05-01');
    expect(isTimeBarred(breachOf2018, 'reprimand', '2024-02-01')).toBe(true);
  });
  it('is still in time on the fifth anniversary, barred the day after', () => {
    expect(isTimeBarred(breachOf2018, 'reprimand', '2023-05-01')).toBe(false);
    expect(isTimeBarred(breachOf2018, 'reprimand', '2023-05-02')).toBe(true);
  });
});

describe('limitation (DIS-8): a warning- or dismissal-level breach of 2018 decided in 2024', () => {
  it('is not time-barred: 10 years', () => {
    expect(limitationEndsOn(breachOf2018, 'warning', '2024-02-01')).toBe('2028-05-01');
    expect(isTimeBarred(breachOf2018, 'warning', '2024-02-01')).toBe(false);
    expect(isTimeBarred(breachOf2018, 'dismissal', '2024-02-01')).toBe(false);
    expect(isTimeBarred(breachOf2018, 'warning', '2028-05-02')).toBe(true);
  });
});

describe('limitation (DIS-8): expulsion level', () => {
  it('never runs for expulsion', () => {
    expect(limitationEndsOn(breachOf2018, 'expulsion', '2060-01-01')).toBeNull();
    expect(isTimeBarred(breachOf2018, 'expulsion', '2060-01-01')).toBe(false);
  });
  it('never runs for a breach found at expulsion level, whatever form is voted', () => {
    const serious = fileOf(opened({ violationDate: '1990-01-01', expulsionLevel: true }, '2024-01-10'));
    expect(isTimeBarred(serious, 'reprimand', '2024-02-01')).toBe(false);
  });
  it('never runs for the listed exceptions', () => {
    const diploma = fileOf(
      opened({ violationDate: '2000-01-01', limitationExempt: 'illegal_diploma' }, '2024-01-10'),
    );
    expect(isTimeBarred(diploma, 'reprimand', '2024-02-01')).toBe(false);
  });
});

describe('limitation (DIS-8): a continuing breach', () => {
  it('runs from the end of the breach', () => {
    const continuing = fileOf(
      opened({ violationDate: '2015-01-01', violationEndedOn: '2020-06-30' }, '2024-01-10'),
    );
    expect(limitationEndsOn(continuing, 'reprimand', '2024-02-01')).toBe('2025-06-30');
  });
});

describe('limitation (DIS-7): deferred time', () => {
  const history = [opened({ violationDate: '2019-01-10' }, '2023-12-01'), deferred('2023-12-10')];
  it('counts the days deferred, a running deferral up to the date asked', () => {
    expect(deferredDays(fileOf(...history).deferrals, '2023-12-20')).toBe(10);
    expect(deferredDays(fileOf(...history, deferralEnded('2024-01-20')).deferrals, '2024-06-01')).toBe(41);
  });
  it('lengthens the period by the time deferred', () =>
    expect(limitationEndsOn(fileOf(...history, deferralEnded('2024-01-20')), 'reprimand', '2024-06-01')).toBe(
      '2024-02-20',
    ));
});
