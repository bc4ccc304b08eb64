export * from './types.js';
export * from './random.js';
export * from './monte-carlo.js';
export * from './stage.js';
