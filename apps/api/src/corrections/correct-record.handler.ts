import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  correctRecord,
  DomainEvent,
  EntityNotFound,
  evolveMember,
  evolveOrganization,
  initialMemberState,
  initialOrganizationState,
  MemberEvent,
  OrganizationEvent,
  RuleViolation,
} from '@ledger/domain';
import { EVENT_STORE, EventStore } from '@ledger/event-store';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor } from '../commands/command-executor';
import { CommandMeta } from '../commands/command-meta';
import { CommandResult } from '../commands/command-result';
import { CorrectRecordDto } from './correction.dto';

export class CorrectRecordCommand {
  constructor(
    readonly body: CorrectRecordDto,
    readonly meta: CommandMeta,
  ) {}
}

/** How each kind of stream folds, so a correction can be proved to leave a history that still folds. */
const FOLDS: Record<string, { evolve: (s: never, e: never) => unknown; initial: unknown }> = {
  'member-': { evolve: evolveMember as never, initial: initialMemberState },
  'organization-': { evolve: evolveOrganization as never, initial: initialOrganizationState },
};

/**
 * A correction is appended to the stream of the event it corrects (RecordCorrected or
 * RecordRetracted); nothing stored is edited. Queries known after it see the corrected record,
 * queries known before it do not.
 */
@CommandHandler(CorrectRecordCommand)
export class CorrectRecordHandler implements ICommandHandler<CorrectRecordCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ body, meta }: CorrectRecordCommand): Promise<CommandResult> {
    const target = await this.store.readEvent(body.eventId);
    if (!target) throw new EntityNotFound('event', body.eventId);
    const prefix = Object.keys(FOLDS).find((p) => target.streamId.startsWith(p));
    if (!prefix)
      throw new RuleViolation('CORRECTION-TARGET', `Events of ${target.streamId} cannot be corrected here`);
    const id = target.streamId.slice(prefix.length);
    const replay = await this.executor.replayed(meta, id, target.streamId);
    if (replay) return replay;
    const { evolve, initial } = FOLDS[prefix];
    return this.executor.execute(meta, async () => {
      const own = await this.executor.load(
        target.streamId,
        evolve as (s: unknown, e: MemberEvent | OrganizationEvent) => unknown,
        initial,
      );
      const streamEvents = await this.store.readStream(target.streamId);
      const events: DomainEvent[] = correctRecord(
        {
          streamId: target.streamId,
          correctedEventId: body.eventId,
          effectiveDate: body.effectiveDate,
          changes: body.changes,
          retract: body.retract,
          reason: body.reason,
        },
        streamEvents,
        {
          today: this.clock.today(),
          fold: (events) => events.reduce(evolve as (s: unknown, e: unknown) => unknown, initial),
        },
      );
      return { id, stream: own, events };
    });
  }
}
