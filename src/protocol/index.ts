// The wire protocol's public surface: message schemas (zod) and types, ids, HLC, answer paths, merge and replica rules.
export { PROTOCOL_VERSION } from './version.ts';
export * from './common.ts';
export * from './op.ts';
export * from './push.ts';
export * from './pull.ts';
export * from './snapshot.ts';
export * from './conflict-summary.ts';
export * from './auth.ts';
export * from './conflict.ts';
export * from './error.ts';
export * from './ids.ts';
export * as hlc from './hlc.ts';
export * from './answer-paths.ts';
export * from './json-equal.ts';
export * from './merge-values.ts';
export * from './merge.ts';
export * from './replica.ts';
