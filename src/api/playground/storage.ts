/**
 * GraphiQL's browser storage (localStorage, keys `graphiql:*`), with the saved tabs kept under a
 * key that names the set of examples they started from: when docs/queries changes, the page
 * opens on the new examples instead of tabs saved from the old ones. History, headers and
 * settings are shared as usual.
 */
import type { GraphiQLProps } from 'graphiql';

type Storage = NonNullable<GraphiQLProps['storage']>;

const PREFIX = 'graphiql:';
const TABS_KEY = `${PREFIX}tabs`;

export function examplesStorage(version: string): Storage {
  const key = (name: string) => (name === TABS_KEY ? `${TABS_KEY}:${version}` : name);
  const ownKeys = () => Object.keys(localStorage).filter((name) => name.startsWith(PREFIX));
  return {
    getItem: (name) => localStorage.getItem(key(name)),
    setItem: (name, value) => localStorage.setItem(key(name), value),
    removeItem: (name) => localStorage.removeItem(key(name)),
    clear: () => ownKeys().forEach((name) => localStorage.removeItem(name)),
    get length() {
      return ownKeys().length;
    },
  };
}
