/** The read-model tables; a rebuild writes the same tables under another prefix, then swaps them in. */
export interface ReadModelTables {
  orgTimeline: string;
  orgClosure: string;
  memberTimeline: string;
  memberFlows: string;
  ratings: string;
  meetings: string;
  caseTimeline: string;
}

export const LIVE_PREFIX = 'rm_';

export const readModelTables = (prefix = LIVE_PREFIX): ReadModelTables => ({
  orgTimeline: `${prefix}org_timeline`,
  orgClosure: `${prefix}org_closure`,
  memberTimeline: `${prefix}member_timeline`,
  memberFlows: `${prefix}member_flows`,
  ratings: `${prefix}ratings`,
  meetings: `${prefix}meetings`,
  caseTimeline: `${prefix}case_timeline`,
});
