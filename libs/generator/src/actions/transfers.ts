import { TransferKind, completeTransfer, returnFromTemporaryTransfer, startTransfer } from '@ledger/domain';
import { MemberRecord, World } from '../world';

/** Transfers (TRF): the departure, the arrival at the receiving cell, the return from a temporary one. */

export function departure(
  world: World,
  record: MemberRecord,
  kind: TransferKind,
  toCellId: string,
  effectiveDate: string,
  expectedReturnOn?: string,
): string | undefined {
  const transferId = world.ids.uuid();
  const done = world.decide('startTransfer', () => [
    {
      record,
      events: startTransfer(
        { memberId: record.id, transferId, kind, toCellId, effectiveDate, expectedReturnOn },
        record.state,
        { today: world.today, toCell: world.cellFacts(toCellId, effectiveDate) },
      ),
    },
  ]);
  return done ? transferId : undefined;
}

/**
 * The certificate presented at the receiving cell (TRF-4), at the cell the transfer named or, if that
 * one merged meanwhile, at the cell it merged into. Late arrivals are recorded with a reason.
 */
export function arrival(
  world: World,
  record: MemberRecord,
  transferId: string,
  effectiveDate: string,
): boolean {
  const state = record.state;
  if (state.status !== 'probationary' && state.status !== 'official') return false;
  const transfer = state.transfer;
  if (!transfer || transfer.transferId !== transferId) return false;
  const arrivedAt = world.successor(transfer.toCellId) ?? transfer.toCellId;
  return world.decide('completeTransfer', () => [
    {
      record,
      events: completeTransfer(
        {
          memberId: record.id,
          transferId,
          effectiveDate,
          ...(arrivedAt !== transfer.toCellId ? { toCellId: arrivedAt } : {}),
          lateReason: 'Chờ bàn giao công tác ở đơn vị cũ',
        },
        state,
        { today: world.today, toCell: world.cellFacts(arrivedAt, effectiveDate) },
      ),
    },
  ]);
}

export function homecoming(
  world: World,
  record: MemberRecord,
  transferId: string,
  effectiveDate: string,
): boolean {
  return world.decide('returnFromTemporaryTransfer', () => [
    {
      record,
      events: returnFromTemporaryTransfer({ memberId: record.id, transferId, effectiveDate }, record.state, {
        today: world.today,
      }),
    },
  ]);
}
