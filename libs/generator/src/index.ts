export * from './generate-province';
export type { Progress } from './run';
export type { AppendOnlyStore } from './writer';
export { Random } from './random';
export * from './demo/load-demo';
export { DEMO_FROM, DEMO_TO, NA_KHE, SON_DUONG, THANH_BA } from './demo/demo-shape';
