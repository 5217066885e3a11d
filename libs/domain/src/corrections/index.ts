/** Corrections and retractions of recorded events: the ledger never edits, it records what was wrong. */
export * from './corrections.events';
export * from './apply-corrections';
export * from './correct-record';
