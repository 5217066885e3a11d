import { TransferKind, addDays } from '@ledger/domain';
import { arrival, departure, homecoming } from '../actions/transfers';
import { Cells, Life, Step, cellOf, disciplinedOn } from '../life';
import { MemberRecord } from '../world';

/**
 * A member transferred to a cell of `targets` (active on the day, not the member's own), with the
 * transfer's id. DIS-12: nobody with a discipline in force.
 */
function depart(
  life: Life,
  cells: Cells,
  targets: Cells,
  on: string,
  step: Step,
  kind: TransferKind,
  returnOn?: string,
) {
  const free = life.free(on, step);
  let transferId: string | undefined;
  const member = life.tryMembers(
    cells(),
    (m) => free(m) && !disciplinedOn(m, on),
    (m: MemberRecord) => {
      const options = targets().filter((c) => c !== cellOf(m) && life.world.isActive(c, on));
      if (options.length === 0) return false;
      transferId = departure(life.world, m, kind, life.random.pick(options), on, returnOn);
      return transferId !== undefined;
    },
  );
  return member && transferId ? ([member, transferId] as const) : undefined;
}

/** Official (TRF-1): cut at the sending cell on departure, registered at the receiving one on arrival. */
export function officialTransfer(
  life: Life,
  cells: Cells,
  targets: Cells,
  on: string,
  step: Step = {},
): void {
  life.late(on, () => {
    const found = depart(life, cells, targets, on, step, 'official');
    if (!found) return life.fail(step, `Transfer on ${on}`);
    const [member, transferId] = found;
    // TRF-4: mostly presented within the 30 working days, some weeks or months late.
    const arrives = addDays(on, life.random.chance(0.9) ? life.random.int(2, 40) : life.random.int(45, 120));
    life.late(arrives, () => {
      if (!arrival(life.world, member, transferId, arrives)) life.fail(step, `Arrival on ${arrives}`);
    });
  });
}

/** Temporary (TRF-5): 3 months to under a year away, attending at the temporary cell, then home. */
export function temporaryTransfer(
  life: Life,
  cells: Cells,
  targets: Cells,
  on: string,
  step: Step = {},
): void {
  life.late(on, () => {
    const returnOn = addDays(on, life.random.int(95, 330));
    const found = depart(life, cells, targets, on, step, 'temporary', returnOn);
    if (!found) return life.fail(step, `Temporary transfer on ${on}`);
    const [member, transferId] = found;
    const arrives = addDays(on, life.random.int(3, 25));
    if (life.random.chance(0.8))
      life.late(arrives, () => void arrival(life.world, member, transferId, arrives));
    const back = addDays(returnOn, life.random.int(-10, 20));
    life.late(back, () => void homecoming(life.world, member, transferId, back));
  });
}
