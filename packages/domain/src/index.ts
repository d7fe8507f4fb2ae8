export * from './analysis.js';
export * from './audit.js';
export * from './channel-rules.js';
export * from './channels.js';
export * from './messages.js';
export * from './reply-window.js';
export * from './status.js';
