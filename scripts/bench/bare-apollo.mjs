// A second control for the scale bench: the page's hand-written SQL behind the least an Apollo Server
// 5 can be — node:http, JSON.parse, `executeHTTPGraphQLRequest` with no plugins but the cache-control
// one disabled (as the API), a two-field schema, a mysql2 pool (20 connections, like the API's), no
// ORM, no token, no log. One query field runs the statements on one pooled connection, like
// bare-http.mjs, and returns the first one's rows as a single JSON string (so GraphQL completes one
// value where the API completes every field of every row: a lower bound for any server on this stack).
//
//   query($statements: [String!]!) { page(statements: $statements) { rows n } }
//
// Run as its own process: `node bare-apollo.mjs <root> <mysql url> <port>`.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const [root, url, port] = process.argv.slice(2);
const need = createRequire(path.join(root, 'server', 'package.json'));
const mysql = need('mysql2/promise');
const { ApolloServer, HeaderMap } = need('@apollo/server');
const { ApolloServerPluginCacheControlDisabled } = need('@apollo/server/plugin/disabled');
const { GraphQLSchema, GraphQLObjectType, GraphQLString, GraphQLList, GraphQLNonNull } = need('graphql');

const pool = mysql.createPool({ uri: url, connectionLimit: 20, dateStrings: true });
const Page = new GraphQLObjectType({ name: 'Page', fields: { rows: { type: new GraphQLNonNull(GraphQLString) }, n: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      page: {
        type: Page,
        args: { statements: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))) } },
        async resolve(_root, { statements }) {
          const conn = await pool.getConnection();
          try {
            let rows = [];
            let n = null;
            for (let i = 0; i < statements.length; i++) {
              const [result] = await conn.query(statements[i]);
              if (i === 0) rows = result;
              if (i === statements.length - 1 && Array.isArray(result) && result[0]) n = String(Object.values(result[0])[0]);
            }
            return { rows: JSON.stringify(rows), n };
          } finally {
            conn.release();
          }
        },
      },
    },
  }),
});
const apollo = new ApolloServer({ schema, csrfPrevention: true, plugins: [ApolloServerPluginCacheControlDisabled()] });
await apollo.start();

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers, search: '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) },
        context: async () => ({}),
      });
      const body = response.body.kind === 'complete' ? response.body.string : '';
      res.writeHead(response.status ?? 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
