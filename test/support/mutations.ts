/**
 * The mutations an office and a council run, and scores that earn each rating: shared by the
 * tests (support/admin.ts) and the benchmark, which runs outside Vitest.
 */

/** Scores that earn each star rating under 148/2023 (parts 40/25/35). */
export const SCORES = {
  2: { scoreA: 15, scoreB: 10, scoreC: 10 },
  3: { scoreA: 25, scoreB: 15, scoreC: 20 },
  4: { scoreA: 32, scoreB: 20, scoreC: 26 },
  5: { scoreA: 38, scoreB: 24, scoreC: 33 },
} as const;

export const MUTATIONS = {
  createProducer: `mutation($input: CreateProducerInput!) { createProducer(input: $input) { id slug name } }`,
  createProduct: `mutation($input: CreateProductInput!) { createProduct(input: $input) { id slug cycleStage } }`,
  moveProductToStage: `mutation($input: MoveProductToStageInput!) { moveProductToStage(input: $input) { id cycleStage } }`,
  recordEvaluation: `mutation($input: RecordEvaluationInput!) { recordEvaluation(input: $input) { id total stars status } }`,
  updateEvaluation: `mutation($id: ID!, $input: UpdateEvaluationInput!) { updateEvaluation(id: $id, input: $input) { id total stars status } }`,
  finaliseEvaluation: `mutation($id: ID!) { finaliseEvaluation(id: $id) { id status finalisedAt } }`,
  issueCertificate: `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id number stars issuedOn expiresOn status } }`,
  revokeCertificate: `mutation($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { id number status } }`,
};
