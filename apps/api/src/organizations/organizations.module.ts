import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AppointCommitteeMemberHandler } from './appoint-committee-member.handler';
import { AssessOrganizationHandler } from './assess-organization.handler';
import { DissolveOrganizationHandler } from './dissolve-organization.handler';
import { EstablishOrganizationHandler } from './establish-organization.handler';
import { MergeOrganizationHandler } from './merge-organization.handler';
import { MoveOrganizationHandler } from './move-organization.handler';
import { OrganizationsController } from './organizations.controller';
import { RecordMeetingHandler } from './record-meeting.handler';
import { RenameOrganizationHandler } from './rename-organization.handler';
import { SetAdmissionTargetHandler } from './set-admission-target.handler';

const handlers = [
  EstablishOrganizationHandler,
  RenameOrganizationHandler,
  MoveOrganizationHandler,
  MergeOrganizationHandler,
  DissolveOrganizationHandler,
  AssessOrganizationHandler,
  RecordMeetingHandler,
  SetAdmissionTargetHandler,
  AppointCommitteeMemberHandler,
];

@Module({ imports: [CommandsModule], controllers: [OrganizationsController], providers: [...handlers] })
export class OrganizationsModule {}
