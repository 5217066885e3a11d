import { RuleViolation } from '../shared/rule-violation';
import { AdmissionTargetSet } from './organization.events';
import { requireActiveOn } from './organization.rules';
import { Organization } from './organization.state';

export interface SetAdmissionTarget {
  organizationId: string;
  year: number;
  /** New members the organization plans to admit in the year. */
  target: number;
  effectiveDate: string;
}

/** A target may be revised during the year; the latest one stands (a repeat of it changes nothing). */
export const setAdmissionTarget = (
  command: SetAdmissionTarget,
  state: Organization,
): AdmissionTargetSet[] => {
  const { year, target, effectiveDate } = command;
  const organization = requireActiveOn(state, command.organizationId, effectiveDate);
  if (!Number.isInteger(year) || !Number.isInteger(target) || target < 0)
    throw new RuleViolation(
      'ADM-TARGET',
      `An admission target is a whole number of members ≥ 0, not ${target}`,
    );
  if (organization.admissionTargets[year] === target)
    throw new RuleViolation(
      'ORG-UNCHANGED',
      `The ${year} target of ${organization.name} is already ${target}`,
    );
  return [
    { type: 'AdmissionTargetSet', data: { organizationId: organization.id, year, target }, effectiveDate },
  ];
};
