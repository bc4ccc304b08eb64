export * from './types.js';
export * from './cost.js';
export * from './stage.js';
