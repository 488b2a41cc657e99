import { describe, expect, it } from 'vitest';
import { dropped, enqueue, settle, takeDue, timedOut, type Outbox, type PostRequest } from './outbox.ts';

function post(key: string, text = `text ${key}`): PostRequest {
  return { page: '/artikel', text, authorName: 'Sari', key };
}

const keys = (requests: readonly PostRequest[]) => requests.map((r) => r.key);

describe('outbox', () => {
  it('keeps a post until it is answered, and sends it once per connection', () => {
    let box: Outbox = enqueue([], post('k1'));
    const first = takeDue(box);
    expect(keys(first.due)).toEqual(['k1']);
    box = first.outbox;
    // A second look while it is on its way (a reconnect, another post) does not send it again.
    expect(takeDue(enqueue(box, post('k2'))).due.map((r) => r.key)).toEqual(['k2']);
    box = settle(box, 'k1');
    expect(box).toEqual([]);
  });

  it('treats a second post with the same key as the same post', () => {
    const box = enqueue(enqueue([], post('k1')), post('k1', 'edited'));
    expect(box).toHaveLength(1);
    expect(box[0]?.request.text).toBe('text k1');
  });

  it('puts a post whose connection dropped back to wait, at no cost, with the same key', () => {
    let box = takeDue(enqueue([], post('k1'))).outbox;
    box = dropped(box, 'k1');
    expect(box[0]).toMatchObject({ sending: false, timeouts: 0 });
    expect(keys(takeDue(box).due)).toEqual(['k1']);
  });

  it('gives a post up after the last unanswered attempt while connected', () => {
    let box = takeDue(enqueue([], post('k1'))).outbox;
    let result = timedOut(box, 'k1', 3);
    expect(result.gaveUp).toBe(false);
    box = takeDue(result.outbox).outbox;
    result = timedOut(box, 'k1', 3);
    expect(result.gaveUp).toBe(false);
    box = takeDue(result.outbox).outbox;
    result = timedOut(box, 'k1', 3);
    expect(result).toEqual({ outbox: [], gaveUp: true });
  });

  it('ignores news about a post it no longer holds', () => {
    expect(timedOut([], 'gone', 3)).toEqual({ outbox: [], gaveUp: false });
    expect(dropped([], 'gone')).toEqual([]);
  });
});
