export * from './shared/domain-event';
export * from './shared/rule-violation';
export * from './shared/assert-never';
export * from './shared/dates';
export * from './shared/streams';
export * from './organization';
export * from './member';
export * from './corrections';
