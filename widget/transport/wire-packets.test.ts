import { describe, expect, it } from 'vitest';
import { decodeFrame, decodePacket, DISCONNECT, encodeConnect, encodeEvent, PONG } from './wire-packets.ts';

describe('Engine.IO frames', () => {
  it("reads the server's open packet for its ping interval and timeout, and nothing else of it", () => {
    const open = '0{"sid":"Ab3_","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';
    expect(decodeFrame(open)).toEqual({ type: 'open', pingInterval: 25_000, pingTimeout: 20_000 });
  });

  it('takes an open packet without numeric ping settings, or without JSON, as a protocol error', () => {
    expect(decodeFrame('0{"sid":"x","pingInterval":"25000","pingTimeout":20000}')).toBeNull();
    expect(decodeFrame('0{"sid":')).toBeNull();
    expect(decodeFrame('0[]')).toBeNull();
  });

  it('reads ping and close, and ignores pong, upgrade and noop', () => {
    expect(decodeFrame('2')).toEqual({ type: 'ping' });
    expect(decodeFrame('1')).toEqual({ type: 'close' });
    for (const frame of ['3', '3probe', '5', '6']) expect(decodeFrame(frame)).toEqual({ type: 'ignored' });
  });

  it('ignores binary frames and refuses a frame of an unknown type or an empty one', () => {
    expect(decodeFrame(new ArrayBuffer(4))).toEqual({ type: 'ignored' });
    expect(decodeFrame('7')).toBeNull();
    expect(decodeFrame('x')).toBeNull();
    expect(decodeFrame('')).toBeNull();
  });

  it('answers pings with a pong, the only packet a protocol 4 client sends unprompted besides messages', () => {
    expect(PONG).toBe('3');
  });

  it('unwraps a message into the Socket.IO packet it carries', () => {
    expect(decodeFrame('42["comment:created",{"seq":1}]')).toEqual({
      type: 'message',
      packet: { type: 'event', args: ['comment:created', { seq: 1 }] },
    });
    expect(decodeFrame('4{')).toBeNull();
  });
});

describe('Socket.IO packets', () => {
  it('encodes a CONNECT to the main namespace with the auth as JSON, or bare without one', () => {
    expect(encodeConnect({ site: 'demo', token: 't' })).toBe('40{"site":"demo","token":"t"}');
    expect(encodeConnect(undefined)).toBe('40');
  });

  it('encodes an EVENT with its ack id before the arguments', () => {
    expect(encodeEvent(0, ['thread:join', { page: '/a' }])).toBe('420["thread:join",{"page":"/a"}]');
    expect(encodeEvent(17, ['thread:more', { page: '/a', cursor: '2' }])).toBe('4217["thread:more",{"page":"/a","cursor":"2"}]');
  });

  it('says DISCONNECT as a 1 in a message, for the main namespace', () => {
    expect(DISCONNECT).toBe('41');
  });

  it("reads the server's CONNECT only when it carries a socket id (a v2 server's does not)", () => {
    expect(decodePacket('0{"sid":"s1"}')).toEqual({ type: 'connect' });
    expect(decodePacket('0{"sid":"s1","pid":"p1"}')).toEqual({ type: 'connect' });
    expect(decodePacket('0')).toBeNull();
    expect(decodePacket('0{"sid":3}')).toBeNull();
  });

  it("reads a CONNECT_ERROR's message and the data the middleware attached, or a bare message", () => {
    expect(decodePacket('4{"message":"No.","data":{"code":"UNKNOWN_SITE","message":"No."}}')).toEqual({
      type: 'connect_error',
      message: 'No.',
      data: { code: 'UNKNOWN_SITE', message: 'No.' },
    });
    expect(decodePacket('4{"message":"Invalid namespace"}')).toEqual({ type: 'connect_error', message: 'Invalid namespace', data: undefined });
    expect(decodePacket('4"Not authorized"')).toEqual({ type: 'connect_error', message: 'Not authorized', data: undefined });
    expect(decodePacket('4{"data":1}')).toBeNull();
    expect(decodePacket('4')).toBeNull();
  });

  it("reads an EVENT's name and arguments, also when the server asked for an ack", () => {
    expect(decodePacket('2["thread:events",{"page":"/a","events":[]}]')).toEqual({
      type: 'event',
      args: ['thread:events', { page: '/a', events: [] }],
    });
    expect(decodePacket('25["ping?"]')).toEqual({ type: 'event', args: ['ping?'] });
    expect(decodePacket('2["solo"]')).toEqual({ type: 'event', args: ['solo'] });
  });

  it('refuses an EVENT without a name first, or without arguments', () => {
    expect(decodePacket('2[]')).toBeNull();
    expect(decodePacket('2[1,"x"]')).toBeNull();
    expect(decodePacket('2{"a":1}')).toBeNull();
    expect(decodePacket('2')).toBeNull();
    expect(decodePacket('2["x",')).toBeNull();
  });

  it("reads an ACK's id and its arguments, and refuses one without an id or an array", () => {
    expect(decodePacket('312[{"ok":true,"data":{"first":true}}]')).toEqual({ type: 'ack', id: 12, args: [{ ok: true, data: { first: true } }] });
    expect(decodePacket('30[]')).toEqual({ type: 'ack', id: 0, args: [] });
    expect(decodePacket('3[{"ok":true}]')).toBeNull();
    expect(decodePacket('34{"ok":true}')).toBeNull();
  });

  it('reads a DISCONNECT from the server', () => {
    expect(decodePacket('1')).toEqual({ type: 'disconnect' });
  });

  it('ignores binary packets, whose attachments it does not read, and packets of other namespaces', () => {
    expect(decodePacket('51-["upload",{"_placeholder":true,"num":0}]')).toEqual({ type: 'ignored' });
    expect(decodePacket('61-3[{"_placeholder":true,"num":0}]')).toEqual({ type: 'ignored' });
    expect(decodePacket('2/moderate,["queue:changed",{}]')).toEqual({ type: 'ignored' });
    expect(decodePacket('0/moderate,{"sid":"s"}')).toEqual({ type: 'ignored' });
  });

  it('refuses a packet of an unknown type', () => {
    expect(decodePacket('7[]')).toBeNull();
    expect(decodePacket('')).toBeNull();
  });
});
