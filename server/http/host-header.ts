/**
 * The Host header, checked before anything else reads it. Node passes any bytes through
 * (`Host: a b`, `Host: [::1`), and code that builds URLs from it then throws or, worse,
 * reflects an attacker's host into a page. Nothing here trusts Host for anything; this only
 * turns a malformed one into a 400 instead of a 500 with a stack trace.
 */
import { isIPv6 } from 'node:net';

/** RFC 3986 reg-name as browsers and proxies send it (no percent-encoding, no sub-delims); IPv4 fits. */
const REG_NAME = /^[A-Za-z0-9_.-]{1,253}$/;
const IP_LITERAL = /^\[([0-9A-Fa-f:.]+)\]$/;

/** Whether `value` is `host[:port]` (RFC 9110 §7.2): a name or IPv4 address, or a bracketed IPv6 address. */
export function isValidHost(value: string): boolean {
  const port = /:(\d{1,5})$/.exec(value);
  if (port && Number(port[1]) > 65535) return false;
  const host = port ? value.slice(0, port.index) : value;
  const literal = IP_LITERAL.exec(host);
  if (literal) return isIPv6(literal[1] ?? '');
  return REG_NAME.test(host);
}
