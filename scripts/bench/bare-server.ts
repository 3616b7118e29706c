/**
 * The baseline of `npm run bench`: a bare node:http server that answers every request with the bytes the mock
 * answers to a successful addinsert or cancel. Prints `listening on <url>`.
 *
 * With `--end-of-turn` it writes its replies as the mock does, together at the end of the event-loop turn that
 * read the requests (`EndOfTurn`): the like-for-like baseline, which shows what the mock's own work costs apart
 * from that way of writing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EndOfTurn } from '../../src/gateway/end-of-turn.ts';

const BODY = Buffer.from(JSON.stringify({ message: '', retcode: '0', result: {} }));
const answer = (res: http.ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(BODY.length) });
  res.end(BODY);
};
const endOfTurn = process.argv.includes('--end-of-turn') ? new EndOfTurn<http.ServerResponse>(answer) : undefined;
const server = http.createServer({ keepAlive: true }, (req, res) => {
  req.resume();
  req.on('end', () => (endOfTurn ? endOfTurn.add(res) : answer(res)));
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
