/**
 * Security headers through helmet, set once for every answer, with the few places that need
 * more (the demo page's CSP) or less (embed.js, loaded by other sites) overriding them.
 * docs/decisions/0008-http-hygiene-and-logs.md says why each value.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

type Directives = Record<string, string[]>;

/**
 * What every answer carries. The CSP allows nothing: JSON, the health check and errors are
 * never documents that load anything, and `frame-ancestors 'none'` keeps the demo and the API
 * out of other sites' frames (X-Frame-Options DENY for older browsers).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over HTTPS (browsers ignore it on http://); no
    // includeSubDomains, since a self-hosted server does not own its parent domain's subdomains.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    // Same-origin by default; embed.js says cross-origin itself (a script tag on another site is a no-cors load).
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}

/** The WebSocket origin for an http(s) origin: the widget's Socket.IO connection. */
export function webSocketOrigin(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

/**
 * The demo page's CSP: the embed script from the Rembuk server and nothing else runs; the
 * page's own stylesheet is allowed by its hash (no 'unsafe-inline', so an injected <style> or
 * style="" does not apply); the widget connects to its server. Lit's styles are
 * constructable stylesheets (adoptedStyleSheets), which style-src does not govern.
 */
export function demoPageDirectives(embedOrigin: string, inlineStyleHashes: readonly string[]): Directives {
  return {
    defaultSrc: ["'none'"],
    scriptSrc: [embedOrigin],
    styleSrc: inlineStyleHashes.map((hash) => `'${hash}'`),
    connectSrc: [embedOrigin, webSocketOrigin(embedOrigin)],
    // The favicon is `data:,`, so the browser asks for no /favicon.ico.
    imgSrc: ['data:'],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The CSP header value for a set of directives (helmet's names are camelCase). */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), ...values].join(' '))
    .join('; ');
}

/**
 * The moderation console's CSP: its own script and stylesheet files, its own API and socket,
 * nothing else; no inline script or style at all (the page has none), no frames, forms post
 * nowhere (sign-in is a fetch).
 */
export function consolePageDirectives(ownOrigin: string): Directives {
  return {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    connectSrc: ["'self'", webSocketOrigin(ownOrigin)],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"],
  };
}
