/** API shape of an assistant: its profile, how visitors reach it, and its model settings. */
import type { AssistantRow } from '../store/schema.js';

export function presentAssistant(row: AssistantRow) {
  return {
    id: row.id,
    name: row.name,
    instructions: row.instructions,
    publicKey: row.public_key,
    greeting: row.greeting,
    suggestedQuestions: row.suggested_questions,
    allowedOrigins: row.allowed_origins,
    shareUrl: `/c/${row.share_slug}`,
    model: row.model_settings ?? null,
  };
}
