import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLLING_XHR_MODULE, TRANSPORTS_MODULE, websocketOnly } from './websocket-only.ts';

const ROOT = resolve(import.meta.dirname, '..');
const installed = (path: string) => readFileSync(resolve(ROOT, 'node_modules', `.${path}`), 'utf8');

describe('the websocket-only build plugin', () => {
  it('still finds the transport map where engine.io-client keeps it, with the names it replaces', () => {
    const original = installed(TRANSPORTS_MODULE);
    expect(original).toMatch(/import \{ WS \} from "\.\/websocket\.node\.js";/);
    expect(original).toMatch(/export const transports = \{/);
    expect(installed(TRANSPORTS_MODULE.replace('index.js', 'websocket.js'))).toMatch(/export class WS\b/);
  });

  it('replaces that module only', () => {
    const load = websocketOnly().load;
    if (typeof load !== 'function') throw new Error('the plugin has no load hook');
    const run = (id: string): unknown => Reflect.apply(load, {}, [id]);
    expect(run(`/x/node_modules${TRANSPORTS_MODULE}`)).toContain('export const transports = { websocket: WS }');
    expect(run('/x/node_modules/engine.io-client/build/esm/socket.js')).toBeNull();
    expect(run('C:\\x\\node_modules\\engine.io-client\\build\\esm\\transports\\index.js')).toContain('websocket: WS');
  });

  it('declares the XHR polling module free of side effects, and no other', () => {
    expect(installed(POLLING_XHR_MODULE)).toMatch(/const hasXHR2 = \(function \(\) \{/);
    const transform = websocketOnly().transform;
    if (typeof transform !== 'function') throw new Error('the plugin has no transform hook');
    const run = (id: string): unknown => Reflect.apply(transform, {}, ['code', id]);
    expect(run(`/x/node_modules${POLLING_XHR_MODULE}`)).toEqual({ code: 'code', map: null, moduleSideEffects: false });
    expect(run('/x/node_modules/engine.io-client/build/esm/transports/websocket.js')).toBeNull();
  });
});
