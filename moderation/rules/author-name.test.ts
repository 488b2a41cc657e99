import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../policy.ts';
import { ruleOutcome } from './test-helpers.ts';

// The rule is given the display name; the comment text is ordinary, so only the name decides.
describe('author-name rule', () => {
  const rows: readonly [string, string, PolicyInput, string][] = [
    ['holds a profane display name', 'Si Goblok', {}, 'hold'],
    ['holds an English insult in the display name', 'Fuck You', {}, 'hold'],
    ['holds a link in the display name', 'slot88.vip', {}, 'hold'],
    ['holds a web address in the display name', 'www.judi.com', {}, 'hold'],
    ['publishes an ordinary display name', 'Basuki dari Essex', {}, 'publish'],
    ['publishes an ordinary Indonesian name', 'Budi Santoso', {}, 'publish'],
    ['publishes an English place name that contains a listed word', 'Scunthorpe Fan', {}, 'publish'],
    ['publishes an English surname that starts with a listed word', 'Dickens Reader', {}, 'publish'],
    ['holds two listed words in the display name', 'Kontol Kuda', {}, 'hold'],
    ['holds listed words run together in capitals', 'KontolKuda', {}, 'hold'],
    ['holds an affixed Indonesian form', 'Bangsatnya', {}, 'hold'],
    ['holds a listed word with a merged suffix, "kontol lo"', 'Ahmad Kontolo', {}, 'hold'],
    ['holds an English prefix word with an English ending', 'Cunts United', {}, 'hold'],
    ['holds an English compound', 'Bullshit Detector', {}, 'hold'],
    ['holds a masked listed word', 'F*ck You', {}, 'hold'],
    ['publishes a Japanese surname that starts with a listed stem', 'Shitara Kenji', {}, 'publish'],
    ["publishes a painter's name that starts with a listed prefix", 'Pissarro Fan', {}, 'publish'],
    ['publishes an Indonesian word that starts with a listed word', 'Asuhan Putri', {}, 'publish'],
    ['publishes a Japanese given name that starts with a listed word', 'Asuka Tan', {}, 'publish'],
    ['publishes a Javanese name that starts with a chat abbreviation', 'Cokroaminoto', {}, 'publish'],
    ['publishes the name of a martial art', 'Tai Chi Club', {}, 'publish'],
    ['publishes an empty display name', '', {}, 'publish'],
    ['publishes a profane display name when the name check is off', 'Si Goblok', { words: { checkAuthorName: false } }, 'publish'],
  ];
  it.each(rows)('%s', (_name, authorName, policy, action) => {
    expect(ruleOutcome('author-name', 'Komentar biasa tentang tarif listrik.', policy, { authorName }).action).toBe(action);
  });

  it.each([
    ['points at no text for a profane name, since the name is not part of the comment', 'Si Goblok'],
    ['points at no text for a link in the name, since the name is not part of the comment', 'slot88.vip'],
  ])('%s', (_name, authorName) => {
    const r = ruleOutcome('author-name', 'Komentar biasa tentang tarif listrik.', {}, { authorName });
    expect(r.reasons).toHaveLength(1);
    expect(r.found).toEqual([]);
  });

  it.each([
    ['quotes the listed word found in the name', 'Si Goblok', '"Goblok"'],
    ['quotes a link found in the name', 'Promo slot88.vip', '"slot88.vip"'],
  ])('%s', (_name, authorName, quoted) => {
    const r = ruleOutcome('author-name', 'Komentar biasa tentang tarif listrik.', {}, { authorName });
    expect(r.reasons[0]?.message.en).toContain(quoted);
    expect(r.reasons[0]?.message.id).toContain(quoted);
  });
});
