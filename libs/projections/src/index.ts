export * from './point-in-time';
export * from './projector';
export * from './projection-runner';
export * from './read-models';
export * from './oracle';
export * from './rebuild';
export * from './projection-thread';
