import { describe, expect, it } from 'vitest';
import { cspHeader, demoPageDirectives, webSocketOrigin } from './security-headers.ts';

describe('the demo page CSP', () => {
  it('runs only the embed script, allows its stylesheet by hash, connects only to its server and refuses framing', () => {
    expect(cspHeader(demoPageDirectives('https://comments.example.com', ['sha256-abc=']))).toBe(
      "default-src 'none'; script-src https://comments.example.com; style-src 'sha256-abc='; " +
        'connect-src https://comments.example.com wss://comments.example.com; img-src data:; ' +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it.each([
    ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000'],
    ['https://comments.example.com', 'wss://comments.example.com'],
    ['http://[::1]:3000', 'ws://[::1]:3000'],
  ])('connects to %s over %s', (origin, ws) => {
    expect(webSocketOrigin(origin)).toBe(ws);
  });
});
