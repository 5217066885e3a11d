import {
  aMember,
  anOpenCase,
  anOrganization,
  decide,
  openedAgainstOrganization,
  spec,
} from './discipline-case.fixtures';

/** DIS-2..4: which body may impose which form on whom. */
const byCell = { decidedBy: 'cell-1', decidedByKind: 'cell' } as const;
const byBaseCommittee = { decidedBy: 'base-1', decidedByKind: 'base_committee' } as const;

describe('the authority of the deciding body over a member', () => {
  it('lets a cell reprimand or warn its own member (DIS-2)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ ...byCell, form: 'reprimand' }))
      .thenMatches([{ data: { decidedByKind: 'cell', form: 'reprimand' } }]));

  it('refuses a cell a member of another cell (DIS-2)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ ...byCell, decidedBy: 'cell-2' }))
      .thenRefuses('DIS-2'));

  it('refuses a cell removal from post or expulsion (DIS-2)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ ...byCell, form: 'dismissal' }, aMember({ holdsPosition: true })))
      .thenRefuses('DIS-2'));

  it('refuses a cell committee any form (DIS-2)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ decidedBy: 'cell-1', decidedByKind: 'cell_committee', form: 'reprimand' }))
      .thenRefuses('DIS-2'));

  it('lets a base committee remove from post (DIS-3)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ ...byBaseCommittee, form: 'dismissal' }, aMember({ holdsPosition: true })))
      .thenMatches([{ data: { decidedByKind: 'base_committee' } }]));

  it('refuses a base committee expulsion unless delegated the power to admit (DIS-3)', () => {
    spec
      .given(...anOpenCase())
      .when(decide({ ...byBaseCommittee, form: 'expulsion' }))
      .thenRefuses('DIS-3');
    spec
      .given(...anOpenCase())
      .when(decide({ ...byBaseCommittee, form: 'expulsion' }, aMember(), { delegatedAdmissionPower: true }))
      .thenMatches([{ data: { form: 'expulsion' } }]);
  });

  it('lets an inspection or higher committee expel (DIS-3)', () =>
    spec
      .given(...anOpenCase())
      .when(decide({ form: 'expulsion', decidedBy: 'commune-1', decidedByKind: 'standing_committee' }))
      .thenMatches([{ data: { form: 'expulsion' } }]));
});

describe('the authority of the deciding body over an organization', () => {
  const org = anOrganization();
  const given = () => spec.given(openedAgainstOrganization());
  it('lets the direct superior committee or its standing committee reprimand it (DIS-4)', () =>
    given()
      .when(decide({ form: 'reprimand', decidedBy: 'base-1', decidedByKind: 'standing_committee' }, org))
      .thenMatches([{ data: { form: 'reprimand' } }]));
  it('refuses an inspection committee, a cell, or a body that is not above it (DIS-4)', () => {
    given()
      .when(decide({ form: 'reprimand' }, org))
      .thenRefuses('DIS-4');
    given()
      .when(decide({ form: 'reprimand', ...byCell }, org))
      .thenRefuses('DIS-4');
    given()
      .when(decide({ form: 'reprimand', decidedBy: 'base-7', decidedByKind: 'base_committee' }, org))
      .thenRefuses('DIS-4');
  });
  it('keeps dissolution for the level above the direct superior (DIS-4)', () => {
    given()
      .when(decide({ form: 'dissolution', decidedBy: 'base-1', decidedByKind: 'base_committee' }, org))
      .thenRefuses('DIS-4');
    given()
      .when(decide({ form: 'dissolution', decidedBy: 'commune-1', decidedByKind: 'higher_committee' }, org))
      .thenMatches([{ data: { form: 'dissolution' } }]);
  });
  it('refuses expulsion, a form for members (DIS-1)', () =>
    given()
      .when(decide({ form: 'expulsion', decidedBy: 'commune-1', decidedByKind: 'higher_committee' }, org))
      .thenRefuses('DIS-1'));
  it('reaches an organization dissolved since (DIS-10)', () =>
    given()
      .when(
        decide(
          { form: 'warning', decidedBy: 'base-1', decidedByKind: 'base_committee' },
          anOrganization({ status: 'dissolved' }),
        ),
      )
      .thenMatches([{ data: { form: 'warning' } }]));
});
