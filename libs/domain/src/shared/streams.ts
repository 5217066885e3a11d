/** Stream names: one helper each, so a typo cannot create a second stream for the same entity. */
export const organizationStream = (id: string): string => `organization-${id}`;
export const memberStream = (id: string): string => `member-${id}`;
export const disciplineCaseStream = (id: string): string => `discipline-case-${id}`;
