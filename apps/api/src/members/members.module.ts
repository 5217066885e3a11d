import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { AdmitMemberHandler } from './admit-member.handler';
import { AssessMemberHandler } from './assess-member.handler';
import { AwardBadgeHandler } from './award-badge.handler';
import { CompleteTransferHandler } from './complete-transfer.handler';
import { EndExemptionHandler } from './end-exemption.handler';
import { ExemptMemberHandler } from './exempt-member.handler';
import { ExitVoluntarilyHandler } from './exit-voluntarily.handler';
import { FailProbationHandler } from './fail-probation.handler';
import { IssuePartyCardHandler } from './issue-party-card.handler';
import { MakeMembershipOfficialHandler } from './make-membership-official.handler';
import { MemberAdmissionController } from './member-admission.controller';
import { MemberDeparturesController } from './member-departures.controller';
import { MemberRecordsController } from './member-records.controller';
import { MemberTransfersController } from './member-transfers.controller';
import { MembersController } from './members.controller';
import { NominateCandidateHandler } from './nominate-candidate.handler';
import { ReadmitMemberHandler } from './readmit-member.handler';
import { RecordDeathHandler } from './record-death.handler';
import { RegisterExistingMemberHandler } from './register-existing-member.handler';
import { RemoveNameHandler } from './remove-name.handler';
import { ReturnFromTemporaryTransferHandler } from './return-from-temporary-transfer.handler';
import { StartTransferHandler } from './start-transfer.handler';
import { UpdateProfileHandler } from './update-profile.handler';

const handlers = [
  NominateCandidateHandler,
  RegisterExistingMemberHandler,
  AdmitMemberHandler,
  MakeMembershipOfficialHandler,
  FailProbationHandler,
  ReadmitMemberHandler,
  StartTransferHandler,
  CompleteTransferHandler,
  ReturnFromTemporaryTransferHandler,
  ExemptMemberHandler,
  EndExemptionHandler,
  AssessMemberHandler,
  IssuePartyCardHandler,
  AwardBadgeHandler,
  UpdateProfileHandler,
  RemoveNameHandler,
  ExitVoluntarilyHandler,
  RecordDeathHandler,
];

@Module({
  imports: [CommandsModule],
  controllers: [
    MembersController,
    MemberAdmissionController,
    MemberTransfersController,
    MemberRecordsController,
    MemberDeparturesController,
  ],
  providers: [...handlers],
})
export class MembersModule {}
