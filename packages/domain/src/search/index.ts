/** Search that forgives: typos, raw Telex/VNI keystrokes, words typed together or apart. */
export * from './certificate-query.js';
export * from './edits.js';
export * from './interpret.js';
export * from './keystrokes.js';
export * from './ranking.js';
export * from './vocabulary.js';
