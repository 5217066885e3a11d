import { AdmissionContext, AdmissionTerms, IntroducerFacts } from '@ledger/domain';
import { Loaded } from '../commands/command-executor';
import { Directory } from '../commands/directory';
import { AdmitMemberDto } from './admission.dtos';
import { known } from './member-step';

/**
 * What an admission and a readmission look up (ADM-5/6, ORG-8): the cell on the ceremony date, and
 * each introducer's status and base organization as they stand — unknown ids are 404. Every stream
 * read is a fact, so a change to any of them before the append makes the command decide again.
 */
export async function admissionContext(
  directory: Directory,
  today: string,
  cellId: string,
  body: AdmitMemberDto,
): Promise<{ context: AdmissionContext; facts: Loaded<unknown>[] }> {
  const cell = await directory.cell(cellId, body.effectiveDate);
  const ids = [...new Set(body.introducerIds ?? [])];
  const introducers = await Promise.all(ids.map((id) => directory.existingMember(id)));
  const introducerFacts: IntroducerFacts[] = await Promise.all(
    introducers.map(async (loaded) => {
      const introducer = known(loaded);
      return {
        memberId: introducer.memberId,
        status: introducer.status,
        baseOrganizationId: await directory.baseOrganizationOf(introducer.cellId),
      };
    }),
  );
  return {
    context: { today, cell: cell.facts, introducers: introducerFacts },
    facts: [cell.loaded, ...introducers],
  };
}

/**
 * The admission terms from the body: the decision date defaults to the ceremony's, and the deciding
 * committee to the base organization of the cell (ORG-8's delegated base committee); a decidedBy
 * named in the body must exist.
 */
export async function admissionTerms(
  directory: Directory,
  memberId: string,
  body: AdmitMemberDto,
  context: AdmissionContext,
): Promise<AdmissionTerms> {
  if (body.decidedBy) await directory.existingOrganization(body.decidedBy);
  return {
    memberId,
    decisionRef: body.decisionRef,
    decidedBy: body.decidedBy ?? context.cell.baseOrganizationId,
    decisionDate: body.decisionDate ?? body.effectiveDate,
    ceremonyDate: body.effectiveDate,
    consideredOn: body.consideredOn,
    decisionReceivedOn: body.decisionReceivedOn,
    introducerIds: body.introducerIds ?? [],
    introducedByOrganization: body.introducedByOrganization,
    lateCeremonyConsented: body.lateCeremonyConsented,
    over60Approved: body.over60Approved,
  };
}
