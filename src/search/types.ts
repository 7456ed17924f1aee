/** The search contract the conversation core relies on. */

/** What a question asks about, so the answer can lead with it. */
export type Aspect =
  | "papers"
  | "fee"
  | "time"
  | "place"
  | "online"
  | "steps"
  | "legal"
  | "conditions"
  | "result";

export interface SearchCandidate {
  code: string;
  name: string;
  /** Higher is better; comparable within one search only. */
  score: number;
}

export interface SearchResult {
  query: string;
  /** "answer": answer directly with `answer`; "clarify": ask to choose; "none": nothing fits. */
  decision: "answer" | "clarify" | "none";
  /** The code the bot answers with directly, or null when it clarifies or finds nothing. */
  answer: string | null;
  /** Best first, at most 5. */
  candidates: SearchCandidate[];
  aspect: Aspect | null;
  /**
   * True when the question names no procedure, only what it asks about ("phí bao nhiêu?", "nộp ở
   * đâu"): a follow-up question about the procedure the citizen is looking at.
   */
  followUp?: boolean;
}

export interface ProcedureSearch {
  search(query: string): SearchResult;
}

/** The same contract answered elsewhere (the search thread): asynchronous. */
export interface AsyncProcedureSearch {
  readonly async: true;
  search(query: string): Promise<SearchResult>;
}
