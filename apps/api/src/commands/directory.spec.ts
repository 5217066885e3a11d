import { organizationStateNeutralTypes } from '@ledger/domain';
import { skipsWhatStatesLeaveOut } from '@ledger/event-store';

describe('Directory', () => {
  it('reads an organization for a decision from the index of organization states (it skips every type that index leaves out)', () => {
    // Were a type the index leaves out to matter to decisions again, the read would still be
    // right (the store would read the whole stream from the heap), only slower: this says so.
    expect(skipsWhatStatesLeaveOut(organizationStateNeutralTypes)).toBe(true);
  });
});
