// Answer paths moved to the protocol (the server shares them); this re-export keeps the data layer's imports working.
export * from '../protocol/answer-paths.ts';
