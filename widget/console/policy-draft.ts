/**
 * The policy editor's state: the text being edited, and the preview (dry run) it last had.
 * Saving is allowed only for the very text that was previewed, so a moderator never saves a
 * policy whose effect they have not seen; any edit after the preview asks for a new one.
 */
import type { WireError } from '../../protocol/errors.ts';
import type { PolicyDryRun } from '../../protocol/moderation.ts';

export interface PolicyDraft {
  text: string;
  /** The text the preview below was made from; null before any preview. */
  previewedText: string | null;
  preview: PolicyDryRun | null;
  /** Why the last preview or save failed (the JSON did not parse, or the server refused a field). */
  error: { field: string | null; message: string; code: WireError['code'] | 'JSON' } | null;
}

export function createPolicyDraft(policy: unknown): PolicyDraft {
  return { text: formatPolicy(policy), previewedText: null, preview: null, error: null };
}

export function formatPolicy(policy: unknown): string {
  return JSON.stringify(policy ?? {}, null, 2);
}

export function editDraft(draft: PolicyDraft, text: string): PolicyDraft {
  return { ...draft, text };
}

/** The text as JSON, or why it is not: the editor says so before anything is sent. */
export function parsePolicyText(text: string): { ok: true; policy: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, policy: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export function previewed(draft: PolicyDraft, text: string, preview: PolicyDryRun): PolicyDraft {
  return { ...draft, previewedText: text, preview, error: null };
}

export function failed(draft: PolicyDraft, error: WireError | { json: string }): PolicyDraft {
  if ('json' in error) return { ...draft, error: { field: null, message: error.json, code: 'JSON' } };
  return { ...draft, error: { field: error.field ?? null, message: error.message, code: error.code } };
}

/** Saved: the saved text is now the current policy, shown as the server formats it, and no preview is pending. */
export function saved(policy: unknown): PolicyDraft {
  return createPolicyDraft(policy);
}

/** Save is offered only for the text the shown preview was made from. */
export function canSave(draft: PolicyDraft): boolean {
  return draft.preview !== null && draft.previewedText === draft.text;
}

/** The preview shown belongs to another text than the one in the editor. */
export function previewIsStale(draft: PolicyDraft): boolean {
  return draft.preview !== null && draft.previewedText !== draft.text;
}
