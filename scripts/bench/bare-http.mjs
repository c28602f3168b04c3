// A control for the scale bench: the least an HTTP server can do to answer a page — node:http and a
// mysql2 pool (20 connections, like the API's), no GraphQL, no ORM, no token, no log. It answers
// POST /graphql with a JSON body `{ variables: { statements: [sql, …] } }` (the body shape of the
// bench's GraphQL client, so both sides use one client) by running the statements in order on one
// pooled connection and sending back `{ data: { rows, n } }`: the first statement's rows and the last
// one's first value. Run as its own process: `node bare-http.mjs <root> <mysql url> <port>`.
//
// What it measures: serving the page's hand-written SQL over HTTP on this machine — the client's and
// the server's HTTP work, the process hops, and the database thread woken after the server's turn.
// The API is compared with the SQL itself; this column says how much of that gap any server pays.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const [root, url, port] = process.argv.slice(2);
const mysql = createRequire(path.join(root, 'server', 'package.json'))('mysql2/promise');
const pool = mysql.createPool({ uri: url, connectionLimit: 20, dateStrings: true });

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let conn;
      try {
        const statements = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables.statements;
        conn = await pool.getConnection();
        let rows = [];
        let n = null;
        for (let i = 0; i < statements.length; i++) {
          const [result] = await conn.query(statements[i]);
          if (i === 0) rows = result;
          if (i === statements.length - 1 && Array.isArray(result) && result[0]) n = Object.values(result[0])[0];
        }
        const body = JSON.stringify({ data: { rows, n } });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } catch (e) {
        const body = JSON.stringify({ errors: [{ message: String(e?.message ?? e) }] });
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } finally {
        conn?.release();
      }
    });
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
