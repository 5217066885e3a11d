export interface VerifyProgress {
  checked: number;
  total: number;
}

export type VerifyResult =
  | { ok: true; checked: number; head: { position: number; hash: string } }
  | {
      ok: false;
      checked: number;
      /** The first position at which the log is not what was written. */
      firstBadPosition: number;
      reason: string;
    };
