/**
 * The knowledge base's contract between indexing and answering: what retrieval returns and
 * what an assistant message records about the passages it used.
 */

/** One chunk of a knowledge source, ranked for a question. */
export interface Passage {
  /** The chunk's id: what answers cite. */
  id: string;
  sourceId: string;
  /** The source's title and, when the chunk sits under one, its heading ("Returns policy §2"). */
  title: string;
  heading: string | null;
  text: string;
  /** Set for Q&A pairs: the question the passage answers. */
  question: string | null;
  /** Link to the source (URL sources) or null. */
  url: string | null;
  /** Fused rank score, higher is better; comparable only within one retrieval. */
  score: number;
}

export interface RetrievalQuery {
  workspaceId: string;
  assistantId: string;
  question: string;
  limit?: number;
}

/** What an assistant message stores: the passages it answered from, or why it could not. */
export interface AnswerProvenance {
  passageIds: string[];
  /** Set when the assistant had no answer; the customer's question it could not answer. */
  unansweredQuestion: string | null;
  /** The responder's confidence in its answer, 0..1, when it measured one. */
  confidence?: number;
}
