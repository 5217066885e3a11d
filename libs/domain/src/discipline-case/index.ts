/*
 * The discipline-case stream. `evolve`, `initialState` and `inForceOn` leave under names of their own so
 * that the domain's barrel can re-export every stream's folder side by side (the member folder has an
 * `inForceOn` for its discipline records).
 */
export * from './discipline-case.events';
export type {
  CaseAppeal,
  AppealedCase,
  CaseFile,
  CaseClosure,
  ClosedCase,
  CaseDecision,
  DecidedCase,
  CaseDeferral,
  DisciplineCase,
  ExistingCase,
  CaseFinding,
  NoCase,
  OpenCase,
  CaseProposal,
  AppealRuling,
} from './discipline-case.state';
export {
  evolve as evolveDisciplineCase,
  initialState as initialDisciplineCaseState,
  runningDeferral,
  subjectId as caseSubjectId,
} from './discipline-case.state';
export * from './discipline-case.facts';
export type { CaseContext, SubjectContext, Votes } from './discipline-case.rules';
export * from './authority';
export * from './limitation';
export { lapsesOn, disciplineInForceOn, inForceOn as isCaseDisciplineInForceOn } from './lapse';
export type { AnnouncedDiscipline } from './lapse';
export * from './open-case';
export * from './record-findings';
export * from './propose-discipline';
export * from './defer-discipline';
export * from './end-deferral';
export * from './decide-discipline';
export * from './appeal-discipline';
export * from './resolve-appeal';
export * from './close-case';
