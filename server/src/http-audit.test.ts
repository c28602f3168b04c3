/** GraphQL over HTTP conformance: graphql-http's server audits against the real app. Every MUST passes. */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testing/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe('GraphQL over HTTP (graphql-http audits)', () => {
  // SHOULD audits are advice (e.g. the application/graphql-response+json media type); MUSTs are the spec.
  for (const audit of serverAudits({ url: () => `${t.url}/graphql` }).filter((a) => a.name.startsWith('MUST'))) {
    it(`A8: ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }
});
