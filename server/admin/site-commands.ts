/**
 * The `site …` admin commands: register, list, show, change and remove the sites a server
 * serves. Like the moderator commands, given the store and a way to print, so every command is
 * tested against both real stores; the running servers pick a change up at their next refresh.
 */
import { LIMITS } from '../../protocol/limits.ts';
import { embedSnippet } from '../sites/embed-snippet.ts';
import type { SiteDirectory, SiteRecord, SiteUpdate } from '../store/site-types.ts';
import type { AdminCommand, SiteSettingsChange } from './admin-args.ts';

export interface SiteCommandDeps {
  store: SiteDirectory;
  clock: () => number;
  /** A new site's SSO secret (server/sites/sso-secret.ts). */
  newSecret: () => string;
  /** Where browsers reach the server (for the snippet), and whether PUBLIC_URL said so or it is the local default. */
  server: { url: string; fromPublicUrl: boolean };
  print: (line: string) => void;
}

type SiteCommand = Extract<AdminCommand, { kind: `site-${string}` }>;

/** Runs one site command; the exit code: 0 done, 1 refused (the message says why). */
export async function runSiteCommand(command: SiteCommand, deps: SiteCommandDeps): Promise<number> {
  const { store, print } = deps;
  switch (command.kind) {
    case 'site-add': {
      const now = deps.clock();
      const site: SiteRecord = {
        id: command.id,
        name: command.name,
        origins: command.origins,
        ssoSecret: deps.newSecret(),
        preModerated: false,
        closedPages: command.closePages,
        reservedNames: command.reservedNames ?? [],
        editWindowMinutes: command.editWindowMinutes ?? LIMITS.editWindowMinutesDefault,
        moderation: null,
        alerts: null,
        createdAt: now,
        updatedAt: now,
      };
      if (!(await store.createSite(site))) {
        print(`A site with the id ${command.id} exists already (change it with "site update --id ${command.id}", or choose another --id).`);
        return 1;
      }
      print(`Added site ${describe(site)}.`);
      print(settingsLine(site));
      printSecretAndSnippet(site, deps);
      return 0;
    }
    case 'site-list': {
      const sites = await store.listSites();
      if (sites.length === 0) print('No sites yet. Add one with: npm run admin -- site add --name "My Site" --origin https://www.example.com');
      for (const site of sites) print(`${describe(site)}, added ${new Date(site.createdAt).toISOString().slice(0, 10)}`);
      return 0;
    }
    case 'site-show': {
      const site = await store.getSite(command.id);
      if (!site) return noSuchSite(command.id, print);
      print(`${describe(site)}.`);
      print(settingsLine(site));
      printSecretAndSnippet(site, deps);
      return 0;
    }
    case 'site-update': {
      const site = await store.getSite(command.id);
      if (!site) return noSuchSite(command.id, print);
      const removed = new Set(command.removeOrigins);
      const origins = [...new Set([...(command.origins ?? site.origins), ...command.addOrigins])].filter((o) => !removed.has(o));
      const absent = command.removeOrigins.filter((o) => !site.origins.includes(o) && !command.addOrigins.includes(o));
      const name = command.name ?? site.name;
      const settings = settingsUpdate(site, command);
      if (!(await store.updateSite(site.id, { name, origins, ...settings, updatedAt: deps.clock() }))) return noSuchSite(command.id, print);
      print(`Updated site ${describe({ ...site, name, origins })}. Running servers take it up within a few seconds.`);
      if (Object.keys(settings).length > 0) print(settingsLine({ ...site, ...settings }));
      if (absent.length > 0) print(`It did not have ${absent.join(', ')}.`);
      if (origins.length === 0) print('It has no origins now: every page embedding it is refused until one is added (--add-origin).');
      return 0;
    }
    case 'site-remove': {
      const site = await store.getSite(command.id);
      if (!site || !(await store.removeSite(site.id))) return noSuchSite(command.id, print);
      print(`Removed site ${describe(site)}. Pages embedding it are refused within a few seconds; its comments stay in the store.`);
      return 0;
    }
  }
}

function printSecretAndSnippet(site: SiteRecord, deps: SiteCommandDeps): void {
  const { print } = deps;
  print(`SSO secret (keep it secret, on your own server; it signs your readers' sign-in tokens): ${site.ssoSecret}`);
  print('Paste this where the comments should go:');
  print('');
  for (const line of embedSnippet(deps.server.url, site.id).split('\n')) print(`  ${line}`);
  print('');
  if (!deps.server.fromPublicUrl)
    print(`(${deps.server.url} is this machine: set PUBLIC_URL to where readers reach the server, and the snippet uses it.)`);
}

/** The reader settings a command changes, as a SiteUpdate: only the fields it gives. */
function settingsUpdate(site: SiteRecord, change: SiteSettingsChange): Pick<SiteUpdate, 'reservedNames' | 'editWindowMinutes' | 'closedPages'> {
  const closed = new Set([...site.closedPages, ...change.closePages]);
  for (const page of change.openPages) closed.delete(page);
  return {
    ...(change.reservedNames !== undefined ? { reservedNames: change.reservedNames } : {}),
    ...(change.editWindowMinutes !== undefined ? { editWindowMinutes: change.editWindowMinutes } : {}),
    ...(change.closePages.length + change.openPages.length > 0 ? { closedPages: [...closed] } : {}),
  };
}

function settingsLine(site: Pick<SiteRecord, 'reservedNames' | 'editWindowMinutes' | 'closedPages'>): string {
  const minutes = site.editWindowMinutes ?? LIMITS.editWindowMinutesDefault;
  const reserved = site.reservedNames ?? [];
  return [
    minutes === 0 ? 'Readers may not edit their comments' : `Readers may edit a comment for ${minutes} minute${minutes === 1 ? '' : 's'}`,
    `reserved names: ${reserved.length > 0 ? reserved.join(', ') : 'none'} (and the moderators')`,
    `closed pages: ${site.closedPages.length > 0 ? site.closedPages.join(', ') : 'none'}.`,
  ].join('; ');
}

function noSuchSite(id: string, print: (line: string) => void): number {
  print(`No site has the id ${id} (see "site list").`);
  return 1;
}

function describe(site: Pick<SiteRecord, 'id' | 'name' | 'origins'>): string {
  return `${site.id} (${site.name}) on ${site.origins.length > 0 ? site.origins.join(', ') : 'no origins'}`;
}
