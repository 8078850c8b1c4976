/** The JSON error shape of DESIGN.md, returned by every API error. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** One invalid input field and why, as listed in `details` of a 400. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}
