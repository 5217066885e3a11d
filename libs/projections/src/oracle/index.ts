export * from './oracle';
export * from './known-events';
