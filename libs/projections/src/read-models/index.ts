export * from './closure';
export * from './ledger-projector';
export * from './member-rows';
export * from './organization-rows';
export * from './sql-point-in-time';
export * from './timeline';
export * from './tables';
export * from './worklist-members.sql';
