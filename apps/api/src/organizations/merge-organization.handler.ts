import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainEvent, mergeOrganization, reassignMemberByMerger, memberStream } from '@ledger/domain';
import { Clock, CLOCK } from '../commands/clock';
import { CommandExecutor, Loaded } from '../commands/command-executor';
import { CommandResult } from '../commands/command-result';
import { Directory } from '../commands/directory';
import { childrenOfReference, membersOfReference } from '../commands/references';
import { MergeOrganizationDto } from './organization.dtos';
import { existing, OrganizationCommand, runOrganizationStep } from './organization-step';

export class MergeOrganizationCommand extends OrganizationCommand<MergeOrganizationDto> {}

/**
 * One atomic append: OrganizationMerged on the merged organization, OrganizationMoved on each of
 * its child organizations, and — when a cell is merged — MemberReassigned on each of its members,
 * every one of them caused by the merger event.
 */
@CommandHandler(MergeOrganizationCommand)
export class MergeOrganizationHandler implements ICommandHandler<MergeOrganizationCommand, CommandResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly directory: Directory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: MergeOrganizationCommand): Promise<CommandResult> {
    const { organizationId, body } = command;
    return runOrganizationStep(this.executor, this.directory, command, async (own) => {
      const into = await this.directory.existingOrganization(body.intoId);
      const children = await this.directory.children(organizationId);
      const decided = mergeOrganization({ organizationId, ...body }, own.state, {
        into: into.state,
        childIds: children.map((c) => existing(c).id),
      });
      const byStream = new Map<string, DomainEvent[]>();
      for (const { streamId, event } of decided)
        byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
      const others: { stream: Loaded<unknown>; events: DomainEvent[] }[] = children
        .filter((c) => byStream.has(c.streamId))
        .map((c) => ({ stream: c, events: byStream.get(c.streamId)! }));
      const kind = existing(own).kind;
      if (kind === 'cell' || kind === 'base_cell') {
        const toCell = await this.directory.cell(body.intoId, body.effectiveDate);
        for (const member of await this.directory.registeredIn(organizationId)) {
          const memberId = member.streamId.slice(memberStream('').length);
          const events = reassignMemberByMerger(
            {
              memberId,
              toCellId: body.intoId,
              mergerOf: organizationId,
              decisionRef: body.decisionRef,
              effectiveDate: body.effectiveDate,
            },
            member.state,
            { today: this.clock.today(), toCell: toCell.facts },
          );
          others.push({ stream: member, events });
        }
      }
      return {
        events: byStream.get(own.streamId) ?? [],
        others,
        facts: [into],
        references: [membersOfReference(organizationId), childrenOfReference(organizationId)],
      };
    });
  }
}
