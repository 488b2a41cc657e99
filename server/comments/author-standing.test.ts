import { describe, expect, it } from 'vitest';
import type { AuthorHistory } from '../store/types.ts';
import { standingOf } from './author-standing.ts';

const history: AuthorHistory = {
  approvedCount: 0,
  rejectedCount: 0,
  recentPosts: [],
  bannedUntil: null,
  trusted: false,
  firstSeen: null,
  name: null,
};

describe('an author’s standing', () => {
  it('trusts a moderator of the site', () => {
    expect(standingOf('moderator', history)).toEqual({ ...history, trusted: true });
  });

  it('leaves readers, signed in or not, as their history says', () => {
    expect(standingOf('anonymous', history)).toBe(history);
    expect(standingOf('sso', history)).toBe(history);
  });
});
