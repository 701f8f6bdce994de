import { contract, describeViolations } from '../utils/contract';

// Every end-to-end spec: a response that its OpenAPI document does not describe fails the test
// that caused it (or the spec, when it came from a hook after the last test).
function failOnViolations(): void {
  const violations = contract.take();
  if (violations.length === 0) return;
  throw new Error(`Responses do not match the OpenAPI document:\n${describeViolations(violations)}`);
}

afterEach(failOnViolations);
afterAll(failOnViolations);
