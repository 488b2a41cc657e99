/**
 * The seam between the post pipeline and the moderation engine (moderation/). The pipeline
 * hands over the text and the context it loaded from the store; this module picks the site's
 * compiled policy and adds the thread's settings. The engine itself stays pure.
 */
import { createModerator, defaultPolicy, type Moderate as EngineModerate, type Policy } from '../../moderation/index.ts';
import type { AuthorHistory, ModerationRecord } from '../store/types.ts';

/** How a site moderates: its policy and which of its threads are pre-moderated or closed. */
export interface SiteModerationSettings {
  policy: Policy;
  /** Every new comment waits for a moderator. */
  preModerated: boolean;
  /** Pages whose threads take no new comments. */
  closedPages: readonly string[];
}

export interface ModerationRequest {
  site: string;
  page: string;
  text: string;
  authorName: string;
  authorId: string;
  history: AuthorHistory;
  /** Epoch ms, from the injected clock. */
  now: number;
}

/** The engine's verdict as the server keeps it: every reason with its spans. */
export interface ModerationOutcome extends ModerationRecord {
  /** Set when a velocity limit refused the post. */
  retryAfterMs?: number;
}

export type Moderate = (request: ModerationRequest) => ModerationOutcome;

/**
 * One compiled moderator per site, built on first use and again whenever the site's settings
 * change (a moderator saved a policy); unknown sites get the default policy.
 */
export function createSiteModeration(settingsFor: (site: string) => SiteModerationSettings | undefined): Moderate {
  const compiled = new Map<string, { moderate: EngineModerate; settings: SiteModerationSettings }>();
  const fallback: SiteModerationSettings = { policy: defaultPolicy, preModerated: false, closedPages: [] };
  const forSite = (site: string) => {
    const settings = settingsFor(site) ?? fallback;
    let entry = compiled.get(site);
    if (entry?.settings !== settings) {
      entry = { moderate: createModerator(settings.policy), settings };
      compiled.set(site, entry);
    }
    return entry;
  };
  return (request) => {
    const { moderate, settings } = forSite(request.site);
    const verdict = moderate({
      text: request.text,
      authorName: request.authorName,
      context: {
        now: request.now,
        author: {
          id: request.authorId,
          approvedCount: request.history.approvedCount,
          rejectedCount: request.history.rejectedCount,
          recentPosts: request.history.recentPosts,
          // A moderator marked them trusted (policy.trusted.skip says which rules they skip).
          trusted: request.history.trusted,
          bannedUntil: request.history.bannedUntil,
        },
        thread: { preModerated: settings.preModerated, closed: settings.closedPages.includes(request.page) },
      },
    });
    return {
      action: verdict.action,
      reasons: verdict.reasons.map((r) => ({
        rule: r.rule,
        action: r.action,
        message: { en: r.message.en, id: r.message.id },
        spans: r.spans.map((s) => ({ start: s.start, end: s.end })),
      })),
      ...(verdict.retryAfterMs !== undefined ? { retryAfterMs: verdict.retryAfterMs } : {}),
    };
  };
}
