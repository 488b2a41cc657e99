/**
 * What an alert says, as one JSON document: the event, the comment, why it is there, and a
 * `text` line that a Slack incoming webhook (or anything Slack-compatible) posts as it is.
 */
import type { RuleId } from '../../moderation/index.ts';
import type { StoredComment } from '../store/types.ts';

/** The events an alert can announce; `comment.reported` comes with readers' reports. */
export const AlertEvent = {
  held: 'comment.held',
  reported: 'comment.reported',
} as const;
export type AlertEvent = (typeof AlertEvent)[keyof typeof AlertEvent];

/** The JSON body of one alert. */
export interface AlertPayload {
  event: AlertEvent;
  site: string;
  page: string;
  comment: { id: string; authorName: string; text: string; createdAt: number };
  reasons: { rule: RuleId; message: string }[];
  /** For comment.reported: the readers' open reports, newest first, and whether they hid the comment. */
  reports?: { reason: string; note: string | null; at: number }[];
  hidden?: boolean;
  /** One line in English for a chat channel: who, where, why, and the start of the text. */
  text: string;
}

/** How much of the comment the `text` line quotes. */
export const QUOTED_CHARACTERS = 200;

/** The alert for a comment the rules (or pre-moderation) held for review. */
export function heldCommentAlert(site: string, comment: StoredComment): AlertPayload {
  const reasons = comment.moderation.reasons.map((r) => ({ rule: r.rule, message: r.message.en }));
  // The chat line says why it waits; a word the rules let through (literal sense) is in `reasons` for the record.
  const holding = comment.moderation.reasons.filter((r) => r.action !== 'publish').map((r) => ({ message: r.message.en }));
  const why = holding.length > 0 ? holding.map((r) => r.message).join('; ') : 'the site reviews every comment first';
  const text =
    `Comment held for review on ${slackEscape(site)} ${slackEscape(comment.page)} ` +
    `by ${slackEscape(oneLine(comment.authorName))}: ${slackEscape(oneLine(why))} ` +
    `“${slackEscape(quote(comment.text))}”`;
  return {
    event: AlertEvent.held,
    site,
    page: comment.page,
    comment: { id: comment.id, authorName: comment.authorName, text: comment.text, createdAt: comment.createdAt },
    reasons,
    text,
  };
}

/** The alert for a published comment readers reported (once when it enters Reported, again if the reports hide it). */
export function reportedCommentAlert(site: string, comment: StoredComment, hidden: boolean): AlertPayload {
  const reports = (comment.reports ?? []).map((r) => ({ reason: r.reason, note: r.note, at: r.at }));
  const why = [...new Set(reports.map((r) => r.reason.replace('_', '-')))].join(', ') || 'no reason given';
  const count = reports.length === 1 ? '1 reader' : `${reports.length} readers`;
  const text =
    `Comment ${hidden ? 'hidden after reports' : 'reported'} on ${slackEscape(site)} ${slackEscape(comment.page)} ` +
    `by ${slackEscape(oneLine(comment.authorName))}: ${count} (${slackEscape(why)}) ` +
    `“${slackEscape(quote(comment.text))}”`;
  return {
    event: AlertEvent.reported,
    site,
    page: comment.page,
    comment: { id: comment.id, authorName: comment.authorName, text: comment.text, createdAt: comment.createdAt },
    reasons: comment.moderation.reasons.map((r) => ({ rule: r.rule, message: r.message.en })),
    reports,
    hidden,
    text,
  };
}

/** The first QUOTED_CHARACTERS characters (code points, so no emoji is cut in half) on one line. */
function quote(text: string): string {
  const flat = oneLine(text);
  const chars = Array.from(flat);
  return chars.length > QUOTED_CHARACTERS ? `${chars.slice(0, QUOTED_CHARACTERS).join('')}…` : flat;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Slack reads `<…>` as links and mentions (`<!channel>` would notify a whole channel) and wants
 * these three characters escaped; a reader's text must never become markup in a moderator's chat.
 */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
