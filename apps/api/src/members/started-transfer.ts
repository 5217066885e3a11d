import { EntityNotFound, MemberTransferStarted, memberStream } from '@ledger/domain';
import { StreamQueries } from '../queries/stream-queries';

/**
 * The transfer a path's `:transferId` names, as it was started. A transfer the member's stream has
 * never started is unknown (404); one started but no longer in progress is the domain's to refuse.
 */
export async function startedTransfer(
  queries: StreamQueries,
  memberId: string,
  transferId: string,
): Promise<MemberTransferStarted['data']> {
  const history = await queries.history('member', memberId, memberStream(memberId));
  const started = history.find((e) => e.type === 'MemberTransferStarted' && e.data.transferId === transferId);
  if (!started) throw new EntityNotFound('transfer', transferId);
  return started.data as MemberTransferStarted['data'];
}
