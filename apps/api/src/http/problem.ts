/**
 * RFC 9457 Problem Details. Every error the API returns has this shape and the media type
 * `application/problem+json`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** 422: the rulebook id that refused the command. */
  ruleId?: string;
  /** 400: every invalid field. */
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://membership-ledger.dev/problems/';
export const PROBLEM_JSON = 'application/problem+json';
