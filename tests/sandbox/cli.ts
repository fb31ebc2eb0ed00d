/**
 * `npm run sandbox`: the sandbox on SANDBOX_PORT (default 9443), with what a person needs to point
 * a browser or curl at it.
 */
import { OAUTH_CLIENT_ID, OAUTH_CLIENT_SECRET } from './oauth';
import { startSandbox } from './server';

const port = Number(process.env.SANDBOX_PORT ?? 9443);
const sandbox = await startSandbox({ port });
const p = sandbox.port;

console.log(`Otklik sandbox: hh.ru and api.hh.ru on ${sandbox.origin}

Chromium:
  chromium --host-resolver-rules="MAP hh.ru 127.0.0.1:${p}, MAP *.hh.ru 127.0.0.1:${p}, MAP hh.kz 127.0.0.1:${p}, MAP *.hh.kz 127.0.0.1:${p}, MAP rabota.by 127.0.0.1:${p}, MAP *.rabota.by 127.0.0.1:${p}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" \\
    --ignore-certificate-errors-spki-list=${sandbox.spki}
  then open https://hh.ru/__sandbox/login?user=anna&next=/applicant/resumes

OAuth app it accepts:
  client_id     ${OAUTH_CLIENT_ID}
  client_secret ${OAUTH_CLIENT_SECRET}
  redirect_uri  https://<extension id>.chromiumapp.org/... or https://<hex>.extensions.allizom.org/...

A demo access token without a browser:
  curl -sk --resolve api.hh.ru:${p}:127.0.0.1 -X POST https://api.hh.ru:${p}/__sandbox/token -d '{"user":"anna"}'
  curl -sk --resolve api.hh.ru:${p}:127.0.0.1 -H 'HH-User-Agent: Otklik/0.1 (dev@otklik.dev)' -H "Authorization: Bearer <access_token>" https://api.hh.ru:${p}/me

Control: POST /__sandbox/reset | clock | fault | latency | config | resume | views | captcha | answer, GET /__sandbox/log | state (any host).
Rules and switches, with their evidence: tests/sandbox/README.md.
Certificate: .cache/sandbox-cert/cert.pem. Ctrl+C stops.`);

const stop = () => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
