/**
 * `npm run docs:widget`: rewrites the widget API block of README.md from the JSDoc tags on
 * `<rembuk-thread>`'s class. widget/docs/widget-api.test.ts fails while the block is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWidgetApi, renderReadmeBlock, replaceReadmeBlock } from './widget-api.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readmePath = `${root}README.md`;
const api = parseWidgetApi(readFileSync(`${root}widget/thread/rembuk-thread.ts`, 'utf8'), 'RembukThread');
const before = readFileSync(readmePath, 'utf8');
const after = replaceReadmeBlock(before, renderReadmeBlock(api, 'rembuk-thread'));
if (after === before) console.log('README.md: the widget API block is current.');
else {
  writeFileSync(readmePath, after);
  console.log(
    `README.md: widget API block rewritten (${api.attributes.length} attributes, ${api.events.length} events, ${api.parts.length} parts, ${api.properties.length} custom properties).`,
  );
}
