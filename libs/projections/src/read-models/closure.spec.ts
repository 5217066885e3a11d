import { closureOf, OrgRow } from './closure';
import { Segment } from './timeline';

const active = (parentId: string | null): OrgRow => ({ status: 'active', kind: 'x', name: 'x', parentId });

describe('closureOf', () => {
  it('follows the parent as it stood on each date, and stops at an organization that is not active', () => {
    const timelines = new Map<string, Segment<OrgRow>[]>([
      ['province', [{ validFrom: '2000-01-01', validTo: 'infinity', value: active(null) }]],
      [
        'district',
        [
          { validFrom: '2000-01-01', validTo: '2025-07-01', value: active('province') },
          {
            validFrom: '2025-07-01',
            validTo: 'infinity',
            value: { ...active('province'), status: 'dissolved' },
          },
        ],
      ],
      [
        'commune',
        [
          { validFrom: '2010-01-01', validTo: '2025-07-01', value: active('district') },
          { validFrom: '2025-07-01', validTo: 'infinity', value: active('province') },
        ],
      ],
    ]);
    expect(closureOf('commune', timelines)).toEqual([
      { ancestorId: 'commune', validFrom: '-infinity', validTo: 'infinity' },
      { ancestorId: 'district', validFrom: '2010-01-01', validTo: '2025-07-01' },
      { ancestorId: 'province', validFrom: '2010-01-01', validTo: 'infinity' },
    ]);
    expect(closureOf('district', timelines)).toEqual([
      { ancestorId: 'district', validFrom: '-infinity', validTo: 'infinity' },
      { ancestorId: 'province', validFrom: '2000-01-01', validTo: '2025-07-01' },
    ]);
  });
});
