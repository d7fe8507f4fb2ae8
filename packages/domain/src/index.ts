export * from './channels.js';
export * from './messages.js';
export * from './status.js';
