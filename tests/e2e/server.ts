import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One page the replay server answers with, keyed by host name and path (query ignored). */
export interface Route {
  host: string;
  path: string;
  /** A file to send (fixture or saved page), or the HTML itself. */
  file?: string;
  html?: string;
  /**
   * Headers in place of the defaults (an HTML page with scripts off): a page whose one own script
   * must run gets a CSP allowing that script alone, a data answer its content type.
   */
  headers?: Record<string, string>;
}

export interface ReplayServer {
  port: number;
  /** Chromium flag that sends every served host name to this server. */
  hostResolverRules: string;
  /** Every request seen, as "host path" — the privacy test reads it. */
  requests: string[];
  close(): Promise<void>;
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A throw-away self-signed certificate, made with the system's openssl once per test run. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(join(tmpdir(), 'microscope-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=microscope-replay',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  certificate = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  return certificate;
}

/**
 * Serves saved pages and fixtures under the real sites' host names over HTTPS, with page scripts
 * off (CSP script-src 'none'): what runs is our content script alone.
 */
export async function startReplayServer(routes: readonly Route[]): Promise<ReplayServer> {
  const table = new Map(routes.map((route) => [`${route.host}${route.path}`, route]));
  const requests: string[] = [];
  const server: Server = createServer(selfSigned(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    requests.push(`${host} ${path}`);
    const route = table.get(`${host}${path}`);
    if (path === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    const body = route.html ?? readFileSync(route.file ?? '', 'utf8');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'none'",
      'cache-control': 'no-store',
      ...route.headers,
    });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = [...new Set(routes.map((route) => route.host))];
  return {
    port,
    hostResolverRules: hosts.map((host) => `MAP ${host}:443 127.0.0.1:${port}`).join(', '),
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
