/**
 * A comment's opening words for a one-line mention ("your comment “…” was not published"):
 * whitespace collapsed, cut at a word boundary near `max` characters, an ellipsis when cut.
 */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Cutting between the halves of a surrogate pair would leave a broken character.
  const chars = [...flat];
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  // A word boundary in the last third keeps whole words; one further back would lose too much.
  return `${(space > (max * 2) / 3 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
