/**
 * The API tests cannot reach the network (decision 0009): a connection to any host but this
 * machine's loopback is refused at once by the setup file, while loopback keeps working.
 */
import { once } from 'node:events';
import dns from 'node:dns';
import net, { type AddressInfo } from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback } from '../support/no-network.js';

// TEST-NET-1 (RFC 5737): documentation addresses, never routed
const OUTSIDE = '192.0.2.1';

let server: net.Server;
let port: number;
beforeAll(async () => {
  server = net.createServer((s) => s.end('hello\n'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('outbound network in the API tests', () => {
  it('refuses a TCP connection to an outside address', () => {
    expect(() => net.connect(80, OUTSIDE)).toThrow(/Outbound network is blocked.*192\.0\.2\.1:80/);
  });

  it('refuses a TLS connection to an outside host name', () => {
    expect(() => tls.connect({ host: 'example.org', port: 443 })).toThrow(
      /Outbound network is blocked.*example\.org:443/,
    );
  });

  it('refuses an HTTP request made with fetch', async () => {
    const err = await fetch(`http://${OUTSIDE}/`).then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(err).not.toBeNull();
    expect(String(err!.cause)).toMatch(/Outbound network is blocked/);
  });

  it('refuses DNS lookups and queries of outside names', async () => {
    expect(() => dns.lookup('example.org', () => undefined)).toThrow(/Outbound network is blocked/);
    await expect(dns.promises.lookup('example.org')).rejects.toThrow(/Outbound network is blocked/);
    await expect(dns.promises.resolve4('example.org')).rejects.toThrow(/Outbound network is blocked/);
  });

  it('still connects to a server on loopback', async () => {
    const socket = net.connect(port, '127.0.0.1');
    const [data] = (await once(socket, 'data')) as [Buffer];
    expect(data.toString()).toBe('hello\n');
    socket.destroy();
  });

  it("treats only this machine's names and addresses as loopback", () => {
    expect(['localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['example.org', '10.0.0.1', '192.0.2.1', '::2', '128.0.0.1', 'localhost.example.org'].some(isLoopback)).toBe(
      false,
    );
  });
});
