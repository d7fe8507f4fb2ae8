/**
 * The built-in offline assistant: no model, no network. It greets, acknowledges what the
 * customer wrote and tells them a teammate can take over — honest about being simple.
 */
import type { ModelProvider, ReplyRequest } from './provider.js';

function lastUserTurn(request: ReplyRequest): string {
  const turn = [...request.turns].reverse().find((candidate) => candidate.role === 'user');
  return turn?.content.trim() ?? '';
}

export function offlineReply(request: ReplyRequest): string {
  const question = lastUserTurn(request);
  const isFirstReply = !request.turns.some((turn) => turn.role === 'assistant');
  const opening =
    isFirstReply && request.assistant.greeting ? `${request.assistant.greeting} ` : '';
  const quoted = question.length > 80 ? `${question.slice(0, 77)}...` : question;
  return quoted
    ? `${opening}Thanks for your message ("${quoted}"). I've noted it, and a teammate can step in here if you need more help.`
    : `${opening}How can I help you today?`;
}

export const offlineProvider: ModelProvider = {
  name: 'offline',
  canAnswer: false,
  async reply(request) {
    return offlineReply(request);
  },
};
