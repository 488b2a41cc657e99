import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ErrorCode, fail, ok } from '../../protocol/errors.ts';
import { storedComment } from '../../test/support/stored-comment.ts';
import { UNSEEN_AUTHOR } from '../store/contract-fixtures.ts';
import { createdAck } from '../realtime/created-ack.ts';
import type { NewCommentStatus } from '../store/types.ts';
import { commentOutcomeOf } from './comment-outcome.ts';
import { createServerMetrics } from './server-metrics.ts';
import { timedModeration } from './timed-moderation.ts';

const created = (status: NewCommentStatus) => ok(createdAck(storedComment({ status })));

describe('the server metrics', () => {
  it('count comments by outcome, a refusal with its code', async () => {
    const metrics = createServerMetrics({ registry: new Registry(), defaults: false });
    metrics.commentAnswered(commentOutcomeOf(created('published'), false));
    metrics.commentAnswered(commentOutcomeOf(created('published'), false));
    metrics.commentAnswered(commentOutcomeOf(created('pending'), false));
    metrics.commentAnswered(commentOutcomeOf(created('rejected'), false));
    metrics.commentAnswered(commentOutcomeOf(created('published'), true));
    metrics.commentAnswered(commentOutcomeOf(fail(ErrorCode.RATE_LIMITED, 'slow down'), false));

    const { body, contentType } = await metrics.scrape();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('rembuk_comments_total{outcome="published",code=""} 2');
    expect(body).toContain('rembuk_comments_total{outcome="held",code=""} 1');
    expect(body).toContain('rembuk_comments_total{outcome="rejected",code=""} 1');
    expect(body).toContain('rembuk_comments_total{outcome="duplicate",code=""} 1');
    expect(body).toContain('rembuk_comments_total{outcome="refused",code="RATE_LIMITED"} 1');
  });

  it('read the connections from their sources at every scrape', async () => {
    const metrics = createServerMetrics({ registry: new Registry(), defaults: false });
    let readers = 3;
    metrics.countConnections({ readers: () => readers, consoles: () => 1 });
    expect((await metrics.scrape()).body).toContain('rembuk_connections{kind="reader"} 3');
    readers = 5;
    const { body } = await metrics.scrape();
    expect(body).toContain('rembuk_connections{kind="reader"} 5');
    expect(body).toContain('rembuk_connections{kind="console"} 1');
  });

  it('time the moderation engine, also a call that throws', async () => {
    const metrics = createServerMetrics({ registry: new Registry(), defaults: false });
    let ms = 0;
    const verdict = { action: 'publish' as const, reasons: [] };
    const moderate = timedModeration(
      (request) => {
        ms += 0.3;
        if (request.text === 'boom') throw new Error('engine bug');
        return verdict;
      },
      (seconds) => metrics.moderationTook(seconds),
      () => ms,
    );
    const request = { site: 'demo', page: '/p', text: 'hello', authorName: 'A', authorId: 'a', history: UNSEEN_AUTHOR, now: 0 };
    expect(moderate(request)).toBe(verdict);
    expect(() => moderate({ ...request, text: 'boom' })).toThrow('engine bug');
    const { body } = await metrics.scrape();
    expect(body).toContain('rembuk_moderation_duration_seconds_count 2');
    expect(body).toContain('rembuk_moderation_duration_seconds_bucket{le="0.00025"} 0');
    expect(body).toContain('rembuk_moderation_duration_seconds_bucket{le="0.0005"} 2');
  });

  it('keep each registry to itself, and add the process and event-loop metrics only when asked', async () => {
    const bare = createServerMetrics({ registry: new Registry(), defaults: false });
    const full = createServerMetrics({ registry: new Registry(), defaults: true });
    full.commentAnswered({ outcome: 'published' });
    const fullBody = (await full.scrape()).body;
    expect(fullBody).toContain('nodejs_eventloop_lag_seconds');
    expect(fullBody).toContain('process_cpu_seconds_total');
    const bareBody = (await bare.scrape()).body;
    expect(bareBody).not.toContain('nodejs_eventloop_lag_seconds');
    expect(bareBody).not.toContain('rembuk_comments_total{');
  });
});
