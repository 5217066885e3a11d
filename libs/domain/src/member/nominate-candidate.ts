import { RuleViolation } from '../shared/rule-violation';
import { CandidateNominated } from './member.events';
import {
  CellFacts,
  MemberContext,
  requireDate,
  requireDateUpTo,
  requireRegistrableCell,
} from './member.rules';
import { Member } from './member.state';

/** A person the cell proposes for admission (quần chúng ưu tú); opens the member stream. */
export interface NominateCandidate {
  readonly memberId: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly cellId: string;
  readonly effectiveDate: string;
}

export interface NominateCandidateContext extends MemberContext {
  readonly cell: CellFacts;
}

/** Age is not checked here: ADM-1 counts it when the cell considers the application. */
export const nominateCandidate = (
  command: NominateCandidate,
  state: Member,
  context: NominateCandidateContext,
): CandidateNominated[] => {
  if (state.status !== 'none')
    throw new RuleViolation('MEMBER-EXISTS', `Member ${command.memberId} is already on the ledger`);
  requireDateUpTo(command.effectiveDate, context.today, 'effectiveDate');
  requireDate(command.birthDate, 'birthDate');
  if (command.birthDate >= command.effectiveDate)
    throw new RuleViolation('MEMBER-DATE', `Born ${command.birthDate}, not before the nomination`);
  requireRegistrableCell(context.cell, command.cellId);
  const { memberId, fullName, birthDate, cellId, effectiveDate } = command;
  return [{ type: 'CandidateNominated', data: { memberId, fullName, birthDate, cellId }, effectiveDate }];
};
