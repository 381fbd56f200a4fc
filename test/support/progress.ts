/**
 * Rows of the API's programProgress report, as the tests read them (each test adds the fields
 * its own query selects).
 */

/** A district's line: products certified there, its target and the share reached. */
export interface ProgressDistrict {
  code: string | null;
  name: string;
  certifiedProducts: number;
  target: number | null;
  share: number | null;
}
