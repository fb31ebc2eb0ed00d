/**
 * Firefox has no host-resolver flag: this CONNECT proxy plays DNS for it. Tunnels to the hh family
 * go to the sandbox; everything else is refused, so Firefox cannot reach the internet either.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

const HH = /(^|\.)(hh\.ru|hh\.kz|rabota\.by|hh\.uz|hh1\.az|headhunter\.ge|headhunter\.kg)$/;

export function startHhProxy(sandboxPort: number): Promise<{ port: number; refused: string[]; server: Server }> {
  const refused: string[] = [];
  const server = createServer((req, res) => {
    refused.push(String(req.url));
    res.writeHead(403).end();
  });
  server.on('connect', (req, client, head) => {
    const host = String(req.url).split(':')[0] ?? '';
    if (!HH.test(host)) {
      refused.push(host);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(sandboxPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ port: typeof addr === 'object' && addr ? addr.port : 0, refused, server });
    });
  });
}
