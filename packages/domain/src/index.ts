/** The OCOP programme's rules as pure TypeScript; every module is re-exported here. */
export * from './categories.js';
export * from './certificates.js';
export * from './codes.js';
export * from './councils.js';
export * from './cycle.js';
export * from './dates.js';
export * from './errors.js';
export * from './fields.js';
export * from './producers.js';
export * from './regions.js';
export * from './scoring.js';
export * from './search/index.js';
export * from './text.js';
export * from './trade.js';
export * from './inquiry.js';
export * from './open-data.js';
