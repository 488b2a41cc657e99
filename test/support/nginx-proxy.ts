/**
 * A real nginx (the Debian package) in front of several Rembuk servers, for the several-servers
 * tests: a config generated for the upstreams given, on a free port, with the WebSocket upgrade
 * passed through and X-Forwarded-For set as production's README config does. Runs in the
 * foreground of its own prefix folder (pid, logs and temp files there), so nothing touches the
 * machine's nginx. NGINX_PATH overrides where the binary is.
 *
 * With `pinnable`, a test can also say which server a browser context's requests should go to
 * (the cookie PIN_COOKIE = the upstream's index), the others standing by as nginx `backup`
 * servers: a pinned reader still fails over through the proxy when its server dies. Without the
 * cookie the balancing is production's round robin. Every answer names the upstream that served
 * it (UPSTREAM_HEADER), so a test can check where a request landed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './redis-server.ts';

export const NGINX_PATH = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
export const NGINX_INSTALL_HINT = `nginx was not found at ${NGINX_PATH}. Install it (Debian/Ubuntu: apt-get install -y nginx) or set NGINX_PATH.`;

/** The cookie that pins a client to one upstream (its index in the list given), when the proxy is pinnable. */
export const PIN_COOKIE = 'rembuk_test_upstream';
/** The response header naming the upstream address that answered (nginx's $upstream_addr). */
export const UPSTREAM_HEADER = 'x-rembuk-upstream';

export interface NginxOptions {
  /** Honour PIN_COOKIE (a test-only routing switch; see the module's comment). */
  pinnable?: boolean;
}

export interface RunningNginx {
  url: string;
  /** What nginx wrote to its error log so far (for a failing test's message). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** The proxy config for `upstreams` (host:port each), listening on `port`: the one the README shows, with paths of the prefix. */
export function proxyConfig(port: number, upstreams: readonly string[], prefix: string, options: NginxOptions = {}): string {
  const server = (u: string, backup = false) => `    server ${u} max_fails=1 fail_timeout=2s${backup ? ' backup' : ''};`;
  // One group per upstream: that server first, every other one its backup.
  const pinned = options.pinnable
    ? `  map $cookie_${PIN_COOKIE} $rembuk_pool {
    default rembuk;
${upstreams.map((_, i) => `    ${i} rembuk_${i};`).join('\n')}
  }
${upstreams
  .map(
    (u, i) => `  upstream rembuk_${i} {
${[server(u), ...upstreams.filter((_, j) => j !== i).map((o) => server(o, true))].join('\n')}
  }`,
  )
  .join('\n')}
`
    : '';
  return `worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log info;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream rembuk {
${upstreams.map((u) => server(u)).join('\n')}
  }
${pinned}  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${options.pinnable ? '$rembuk_pool' : 'rembuk'};
      add_header X-Rembuk-Upstream $upstream_addr always;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`;
}

export async function startNginx(upstreams: readonly string[], options: NginxOptions = {}): Promise<RunningNginx> {
  const found = spawnSync(NGINX_PATH, ['-v'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) throw new Error(NGINX_INSTALL_HINT);
  const prefix = mkdtempSync(join(tmpdir(), 'rembuk-nginx-'));
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d));
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, proxyConfig(port, upstreams, prefix, options));
  const test = spawnSync(NGINX_PATH, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx refused the generated config:\n${test.stderr}`);
  }
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errorLog = () => {
    try {
      return readFileSync(join(prefix, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  };
  // Ready when the port answers.
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      rmSync(prefix, { recursive: true, force: true });
      throw new Error(`nginx exited with ${child.exitCode}:\n${errorLog()}`);
    }
    try {
      await fetch(`${url}/__nginx_ready`, { signal: AbortSignal.timeout(500) });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        rmSync(prefix, { recursive: true, force: true });
        throw new Error(`nginx did not answer on ${url}:\n${errorLog()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    errorLog,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // SIGQUIT: nginx's graceful stop, which waits for its worker and removes the pid file.
        child.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
