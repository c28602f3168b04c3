// The benches' GraphQL client: node's own HTTP client on kept-alive connections — the least a client
// adds per request (fetch's WHATWG request and stream objects cost about a millisecond of the bench's
// own CPU per request, which is no part of the server's cost).
import http from 'node:http';

/** `(query, variables, token) => Promise<response body>` against `${baseUrl}/graphql`. */
export function gqlClient(baseUrl, { maxSockets = 256 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL('/graphql', baseUrl);
  return (query, variables, token) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(new Error(`bad response ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
            }
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}
