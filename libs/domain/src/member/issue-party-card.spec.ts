import { IssuePartyCard, issuePartyCard } from './issue-party-card';
import { anOfficialMember, aProbationaryMember, spec, TODAY } from './member.fixtures';
import { Member } from './member.state';

const command: IssuePartyCard = { memberId: 'm-1', cardNumber: '61.012345', effectiveDate: '2024-05-01' };
const issue =
  (changes: Partial<IssuePartyCard> = {}) =>
  (state: Member) =>
    issuePartyCard({ ...command, ...changes }, state, { today: TODAY });

describe('an official member', () => {
  it('is issued a party card (AGE-7)', () =>
    spec
      .given(...anOfficialMember())
      .when(issue())
      .then([
        {
          type: 'PartyCardIssued',
          data: { memberId: 'm-1', cardNumber: '61.012345' },
          effectiveDate: '2024-05-01',
        },
      ]));

  it('is refused a card dated before becoming official (AGE-7)', () =>
    spec
      .given(...anOfficialMember())
      .when(issue({ effectiveDate: '2024-03-14' }))
      .thenRefuses('AGE-7'));
});

describe('a probationary member', () => {
  it('is refused a card (AGE-7)', () =>
    spec
      .given(...aProbationaryMember())
      .when(issue())
      .thenRefuses('AGE-7'));
});
