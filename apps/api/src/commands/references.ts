/**
 * The sets of streams a decision about an organization reads but cannot name in advance: a member
 * registered into it, or an organization placed under it, after the decision read them would be
 * missed (write skew). Given to the executor as `references`, they make such an append fail and
 * the command be decided again.
 */
export const membersOfReference = (organizationId: string) => ({
  streamPrefix: 'member-',
  fragments: [{ cellId: organizationId }, { toCellId: organizationId }],
});

export const childrenOfReference = (organizationId: string) => ({
  streamPrefix: 'organization-',
  fragments: [{ parentId: organizationId }, { toParentId: organizationId }],
});
