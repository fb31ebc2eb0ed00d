/** One sandbox hh.ru per test file, reset before each test; `use` receives it and a client once it runs. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { sandboxClient, type SandboxClient } from '../sandbox/client';
import { startSandbox, type Sandbox } from '../sandbox/server';

export function withSandbox(use: (sandbox: Sandbox, client: SandboxClient) => void): void {
  let sandbox: Sandbox;
  let client: SandboxClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    client = sandboxClient(sandbox);
    use(sandbox, client);
  });
  afterAll(async () => {
    client.close();
    await sandbox.close();
  });
  beforeEach(() => sandbox.control.reset());
}
