import { admitted, madeOfficial, nominated } from '../member/member.fixtures';
import { applyCorrections } from './apply-corrections';
import { correction, recorded, retraction } from './corrections.fixtures';

const nomination = recorded('e-1', nominated());
const admission = recorded('e-2', admitted());
const recognition = recorded('e-3', madeOfficial());

describe('applyCorrections', () => {
  it('returns a list without corrections as it is', () =>
    expect(applyCorrections([nomination, admission, recognition])).toEqual([
      nomination,
      admission,
      recognition,
    ]));

  it('patches the target in place, keeps the order and drops the correction', () =>
    expect(
      applyCorrections([
        nomination,
        admission,
        correction('c-1', {
          correctedEventId: 'e-2',
          effectiveDate: '2023-03-20',
          changes: { cellId: 'cell-2' },
        }),
        recognition,
      ]),
    ).toEqual([
      nomination,
      { ...admission, effectiveDate: '2023-03-20', data: { ...admission.data, cellId: 'cell-2' } },
      recognition,
    ]));

  it('applies the latest correction of a target whole, not on top of the earlier one', () =>
    expect(
      applyCorrections([
        admission,
        correction('c-1', { correctedEventId: 'e-2', changes: { cellId: 'cell-2' } }),
        correction('c-2', { correctedEventId: 'e-2', effectiveDate: '2023-03-20' }),
      ]),
    ).toEqual([{ ...admission, effectiveDate: '2023-03-20' }]));

  it('removes a retracted target, and its corrections with it', () =>
    expect(
      applyCorrections([
        nomination,
        admission,
        correction('c-1', { correctedEventId: 'e-2', changes: { cellId: 'cell-2' } }),
        retraction('r-1', 'e-2'),
        recognition,
      ]),
    ).toEqual([nomination, recognition]));

  it('keeps the envelope of stored events', () => {
    const stored = { ...admission, globalPosition: 7, recordedAt: '2023-04-01T00:00:00.000Z' };
    const fix = {
      ...correction('c-1', { correctedEventId: 'e-2', changes: { cellId: 'cell-2' } }),
      globalPosition: 9,
      recordedAt: '2025-05-01T00:00:00.000Z',
    };
    expect(applyCorrections([stored, fix])).toEqual([
      { ...stored, data: { ...stored.data, cellId: 'cell-2' } },
    ]);
  });

  it('changes nothing on a list already corrected (idempotent)', () => {
    const once = applyCorrections([
      nomination,
      admission,
      correction('c-1', { correctedEventId: 'e-2', changes: { cellId: 'cell-2' } }),
      recognition,
      retraction('r-1', 'e-3'),
    ]);
    expect(applyCorrections(once)).toEqual(once);
  });
});
