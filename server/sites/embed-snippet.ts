/**
 * What a site owner pastes into their article template (README "Embedding it on your site"):
 * the script, which names the site, and the element the thread goes in.
 */

/** `serverUrl`: where browsers reach this server (PUBLIC_URL), without a trailing slash. */
export function embedSnippet(serverUrl: string, siteId: string): string {
  const base = serverUrl.replace(/\/+$/, '');
  return `<script src="${base}/embed.js" data-site="${siteId}" async></script>\n<rembuk-thread></rembuk-thread>`;
}
