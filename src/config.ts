/**
 * The service's configuration: every key is read from the environment once, at start, checked,
 * and documented here. A bad value stops the start with an error that names the key, the form it
 * expects and the value it found (a password's length only, never the password).
 *
 * To add a key: one entry in SETTINGS. `Config` follows from the table.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Root of this checkout (src/config.ts sits one level below it). */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * The published password: what docker-compose.yml gives Neo4j's image when NEO4J_PASSWORD is
 * unset, and so what the service tries on a NEO4J_URI server without NEO4J_PASSWORD (with a
 * warning when that server is not on this machine). The embedded engine never uses it: without
 * NEO4J_PASSWORD it generates a password per install (src/db/credentials.ts).
 */
/** The plans `npm start` loads by default: the 2018 seed and a second real plan (cut, read as far as it goes). */
export const DEFAULT_PLAN_FILES = 'seeds/cast-2018-reform-key-tasks.txt,seeds/cast-2025-work-points.txt';

export const LOCAL_NEO4J_PASSWORD = 'plan-graph-local';

/** The user the embedded engine creates for the API's reads, allowed only to read. */
export const READER_USER = 'plangraph_reader';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`${key} must be ${expected}; found ${found}`);
  }
}

interface Setting<T> {
  readonly env: string;
  /** What the key is for; the text of this table is the documentation. */
  readonly doc: string;
  /** The accepted form, as the error message says it: "an integer from 1 to 65535". */
  readonly expected: string;
  /** Shown in errors by length only. */
  readonly secret?: boolean;
  /** Unset or empty → the default; returns undefined when the value does not fit `expected`. */
  readonly read: (raw: string | undefined) => T | undefined;
}

const text =
  (fallback: string) =>
  (raw: string | undefined): string =>
    raw === undefined || raw === '' ? fallback : raw;

const integer =
  (min: number, max: number, fallback: number) =>
  (raw: string | undefined): number | undefined => {
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };

const flag =
  (fallback: boolean) =>
  (raw: string | undefined): boolean | undefined => {
    if (raw === undefined || raw === '') return fallback;
    if (/^(true|1|yes|on)$/i.test(raw)) return true;
    if (/^(false|0|no|off)$/i.test(raw)) return false;
    return undefined;
  };

const NEO4J_URI = /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/;

const SETTINGS = {
  neo4jUri: {
    env: 'NEO4J_URI',
    doc:
      'Neo4j server to use, e.g. bolt://localhost:7687, or neo4j+s://host for a routed cluster. ' +
      'Unset: the service starts its own embedded Neo4j engine (engine/, needs Java 17 and Maven).',
    expected: 'a bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s:// or neo4j+ssc:// URI',
    read: (raw) => (raw === undefined || raw === '' ? null : NEO4J_URI.test(raw) ? raw : undefined),
  } satisfies Setting<string | null>,
  neo4jUser: {
    env: 'NEO4J_USER',
    doc: 'Neo4j user. The embedded engine creates it if it is not neo4j.',
    expected: 'a non-empty user name without spaces',
    read: (raw) => {
      const value = text('neo4j')(raw);
      return /^\S+$/.test(value) ? value : undefined;
    },
  } satisfies Setting<string>,
  neo4jPassword: {
    env: 'NEO4J_PASSWORD',
    doc:
      'Neo4j password. The embedded engine sets it at every start; unset, the embedded engine uses a ' +
      'random password generated at its first start and kept in NEO4J_DATA_DIR/credentials, and a ' +
      `NEO4J_URI server is tried with the published "${LOCAL_NEO4J_PASSWORD}" (docker-compose.yml's default).`,
    expected: 'at least 8 characters (Neo4j refuses shorter passwords)',
    secret: true,
    read: (raw) => (raw === undefined || raw === '' ? null : raw.length >= 8 ? raw : undefined),
  } satisfies Setting<string | null>,
  neo4jReadUser: {
    env: 'NEO4J_READ_USER',
    doc:
      'Neo4j user the API reads through; only the loader writes, as NEO4J_USER. Unset: the embedded ' +
      `engine creates "${READER_USER}", a user it allows only to read (docs/security.md); with ` +
      'NEO4J_URI, reads use NEO4J_USER unless this names a user of that server (a reader role on Enterprise).',
    expected: 'a non-empty user name without spaces, other than NEO4J_USER',
    read: (raw) => (raw === undefined || raw === '' ? null : /^\S+$/.test(raw) ? raw : undefined),
  } satisfies Setting<string | null>,
  neo4jReadPassword: {
    env: 'NEO4J_READ_PASSWORD',
    doc: 'Password of NEO4J_READ_USER. Unset with the embedded engine: random, generated at the first start and kept in NEO4J_DATA_DIR/credentials-reader.',
    expected: 'at least 8 characters (Neo4j refuses shorter passwords)',
    secret: true,
    read: (raw) => (raw === undefined || raw === '' ? null : raw.length >= 8 ? raw : undefined),
  } satisfies Setting<string | null>,
  neo4jDatabase: {
    env: 'NEO4J_DATABASE',
    doc: 'Database on the Neo4j server. Community edition has one user database, neo4j.',
    expected: 'a database name (letters, digits, dots, dashes)',
    read: (raw) => {
      const value = text('neo4j')(raw);
      return /^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(value) ? value : undefined;
    },
  } satisfies Setting<string>,
  neo4jDataDir: {
    env: 'NEO4J_DATA_DIR',
    doc: 'Where the embedded engine keeps its store; relative paths start at the current directory.',
    expected: 'a directory path',
    read: (raw) => resolve(raw === undefined || raw === '' ? resolve(REPO_ROOT, '.data/neo4j') : raw),
  } satisfies Setting<string>,
  neo4jPort: {
    env: 'NEO4J_PORT',
    doc: 'Bolt port of the embedded engine on 127.0.0.1; 0 picks a free one (tests).',
    expected: 'an integer from 0 to 65535 (0 = a free port)',
    read: integer(0, 65535, 7687),
  } satisfies Setting<number>,
  port: {
    env: 'PORT',
    doc: 'HTTP port of the service; 0 picks a free one.',
    expected: 'an integer from 0 to 65535 (0 = a free port)',
    read: integer(0, 65535, 4000),
  } satisfies Setting<number>,
  host: {
    env: 'HOST',
    doc: 'Address the HTTP server listens on; 0.0.0.0 to accept connections from other machines.',
    expected: 'a host name or IP address',
    read: (raw) => {
      const value = text('127.0.0.1')(raw);
      return /^[A-Za-z0-9.:[\]-]+$/.test(value) ? value : undefined;
    },
  } satisfies Setting<string>,
  planFiles: {
    env: 'PLAN_FILES',
    doc:
      'Plan files `npm start` loads when the graph lacks them or their text changed, comma-separated; ' +
      '"none" loads nothing. Relative paths start at the repository root.',
    expected: 'comma-separated file paths, or none',
    read: (raw) => {
      const value = text(DEFAULT_PLAN_FILES)(raw).trim();
      if (value === 'none') return [] as readonly string[];
      const files = value.split(',').map((f) => f.trim());
      return files.some((f) => f === '')
        ? undefined
        : (files.map((f) => resolve(REPO_ROOT, f)) as readonly string[]);
    },
  } satisfies Setting<readonly string[]>,
  introspection: {
    env: 'GRAPHQL_INTROSPECTION',
    doc: 'Schema introspection, which the playground and its docs use (this is an exploration service).',
    expected: 'true or false',
    read: flag(true),
  } satisfies Setting<boolean>,
  csrfPrevention: {
    env: 'GRAPHQL_CSRF_PREVENTION',
    doc: "Apollo's CSRF prevention: requests need a JSON content type or an apollo-require-preflight header.",
    expected: 'true or false',
    read: flag(true),
  } satisfies Setting<boolean>,
  maxDepth: {
    env: 'GRAPHQL_MAX_DEPTH',
    doc: 'Deepest selection an operation may have (graphql-armor).',
    expected: 'an integer from 1 to 100',
    read: integer(1, 100, 12),
  } satisfies Setting<number>,
  maxAliases: {
    env: 'GRAPHQL_MAX_ALIASES',
    doc: 'Most aliases in one operation (graphql-armor).',
    expected: 'an integer from 0 to 1000',
    read: integer(0, 1000, 20),
  } satisfies Setting<number>,
  maxCost: {
    env: 'GRAPHQL_MAX_COST',
    doc:
      'Most values an answer may hold, priced before execution: each object or scalar counts 1 and ' +
      "every list multiplies by its bound (the graph's count of that kind of node, or the page size). " +
      'Operations over it are refused with TOO_EXPENSIVE.',
    expected: 'an integer from 1 to 10000000',
    read: integer(1, 10_000_000, 50_000),
  } satisfies Setting<number>,
  requestTimeoutMs: {
    env: 'REQUEST_TIMEOUT_MS',
    doc:
      'Time budget of one HTTP request in ms: its database reads get a Neo4j transaction timeout ' +
      'no longer than the time left, and a request not answered by then gets REQUEST_TIMEOUT.',
    expected: 'an integer from 100 to 600000',
    read: integer(100, 600_000, 15_000),
  } satisfies Setting<number>,
  admissionPerClient: {
    env: 'ADMISSION_PER_CLIENT',
    doc:
      'Operations of one client (IP address) that run against the database at once; more wait in ' +
      "line, then get SERVICE_BUSY. Behind a proxy every client has the proxy's address: raise it there.",
    expected: 'an integer from 1 to 1000',
    read: integer(1, 1_000, 2),
  } satisfies Setting<number>,
  neo4jReadTimeoutMs: {
    env: 'NEO4J_READ_TIMEOUT_MS',
    doc: 'Neo4j transaction timeout of every read in ms, inside or outside a request.',
    expected: 'an integer from 100 to 600000',
    read: integer(100, 600_000, 10_000),
  } satisfies Setting<number>,
  engineRestarts: {
    env: 'NEO4J_ENGINE_RESTARTS',
    doc:
      'How many times in a row the service restarts an embedded engine that died (1 s, 2 s, 4 s … ' +
      'apart) before it gives up and stops; 0 never restarts. A restart that stays up 5 minutes ' +
      'resets the count. Requests meanwhile answer DATABASE_UNAVAILABLE.',
    expected: 'an integer from 0 to 100',
    read: integer(0, 100, 5),
  } satisfies Setting<number>,
  responseCache: {
    env: 'RESPONSE_CACHE',
    doc:
      'The response cache (docs/performance.md): the ms one read of the graph version is shared, ' +
      'which is the most an answer can lag a load by another process (a load by this one is seen ' +
      'at once); 0 reads the version on every request; off turns the cache off.',
    expected: 'off or an integer from 0 to 60000 (ms)',
    read: (raw): number | null | undefined =>
      raw !== undefined && /^off$/i.test(raw.trim()) ? null : integer(0, 60_000, 1_000)(raw),
  } satisfies Setting<number | null>,
  trustedDocuments: {
    env: 'TRUSTED_DOCUMENTS',
    doc:
      'A JSON list of trusted documents (id → document, or an Apollo persisted query manifest): ' +
      'when set, only the operations in it run, sent by text, id or hash; any other gets ' +
      'PERSISTED_QUERY_NOT_IN_LIST. `npm run trusted-documents` writes trusted-documents.json, ' +
      'every operation of the playground, the explorer and the README. Unset: any operation runs.',
    expected: 'the path of a JSON file',
    read: (raw): string | null => (raw === undefined || raw.trim() === '' ? null : resolve(raw.trim())),
  } satisfies Setting<string | null>,
  corsOrigins: {
    env: 'CORS_ORIGINS',
    doc:
      'Origins whose pages may read the API and the exports from a browser (CORS), comma-separated ' +
      '(e.g. http://localhost:5173,https://observablehq.com; "null" is a file:// page); "*" (default) ' +
      'allows any origin, never with credentials: the API is read-only.',
    expected: '* or comma-separated origins such as https://example.org or http://localhost:5173',
    read: (raw) => {
      const value = text('*')(raw).trim();
      if (value === '*') return '*' as const;
      const origins = value.split(',').map((o) => o.trim());
      return origins.every((o) => o === 'null' || /^https?:\/\/[A-Za-z0-9.[\]:-]+$/.test(o))
        ? (origins as readonly string[])
        : undefined;
    },
  } satisfies Setting<'*' | readonly string[]>,
  allowedHosts: {
    env: 'ALLOWED_HOSTS',
    doc:
      'Names the service answers to in the Host header, comma-separated, besides the HOST it listens ' +
      'on (default localhost,127.0.0.1,[::1]); any other Host gets 403, which stops a DNS-rebinding ' +
      'page from reading the API. Add the names other machines use when HOST=0.0.0.0 (IP addresses ' +
      'pass then); "*" turns the check off.',
    expected: '* or comma-separated host names such as localhost,plans.example.org,[::1]',
    read: (raw) => {
      const value = text('localhost,127.0.0.1,[::1]')(raw).trim();
      const hosts = value.split(',').map((h) => h.trim().toLowerCase());
      return hosts.every((h) => h === '*' || /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(h))
        ? (hosts as readonly string[])
        : undefined;
    },
  } satisfies Setting<readonly string[]>,
} as const;

type Settings = typeof SETTINGS;

export type Config = {
  readonly [K in keyof Settings]: Exclude<ReturnType<Settings[K]['read']>, undefined>;
};

/**
 * What in `config` a person should know is unsafe: listening on every interface, and the
 * published password on a Neo4j server that is not on this machine. One line per finding.
 */
export function securityWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.host === '0.0.0.0' || config.host === '::' || config.host === '[::]') {
    warnings.push(
      `HOST=${config.host}: the API answers every machine that can reach this one; it has no ` +
        'authentication of its own (docs/security.md)',
    );
  }
  if (config.neo4jUri !== null) {
    const host = /^[a-z+]+:\/\/([^/:]+|\[[^\]]+\])/.exec(config.neo4jUri)?.[1] ?? '';
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(host);
    const published =
      config.neo4jPassword === null ||
      config.neo4jPassword === LOCAL_NEO4J_PASSWORD ||
      config.neo4jPassword === 'neo4j';
    if (!local && published) {
      warnings.push(
        `NEO4J_URI=${config.neo4jUri} is another machine and NEO4J_PASSWORD is ` +
          `${config.neo4jPassword === null ? 'unset (the published default is used)' : 'a published default'}: ` +
          'set a password of your own on that server and in NEO4J_PASSWORD',
      );
    }
  }
  return warnings;
}

/** The documentation of every key, for `--help` output and docs. */
export function describeConfig(): { env: string; doc: string; expected: string; byDefault: string }[] {
  return Object.values(SETTINGS).map((setting: Setting<unknown>) => ({
    env: setting.env,
    doc: setting.doc,
    expected: setting.expected,
    byDefault: defaultShown(setting),
  }));
}

/** What a key is when unset, as `--help` prints it: paths under the checkout relative to it. */
function defaultShown(setting: Setting<unknown>): string {
  const value = setting.read(undefined);
  if (value === null || value === undefined) return 'unset';
  const one = (v: unknown): string =>
    typeof v === 'string' && v.startsWith(REPO_ROOT) ? v.slice(REPO_ROOT.length) : String(v);
  return Array.isArray(value) ? value.map(one).join(',') : one(value);
}

function shown(setting: Setting<unknown>, raw: string): string {
  return setting.secret
    ? `a value of ${raw.length} character${raw.length === 1 ? '' : 's'}`
    : JSON.stringify(raw);
}

/**
 * Reads and checks every key. Throws a ConfigError for the first key whose value does not fit;
 * returns a frozen object otherwise.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    const value = setting.read(raw);
    if (value === undefined) {
      throw new ConfigError(setting.env, setting.expected, shown(setting, raw ?? ''));
    }
    out[name] = value;
  }
  const config = Object.freeze(out) as Config;
  checkReader(config);
  return config;
}

/** The reader is a second account: never the writer itself, and on another server, with its password. */
function checkReader(config: Config): void {
  const reader = config.neo4jReadUser;
  if (reader === null) return;
  if (reader === config.neo4jUser || reader === 'neo4j') {
    throw new ConfigError(
      'NEO4J_READ_USER',
      'a user other than NEO4J_USER and neo4j (the reader may only read; the loader writes as NEO4J_USER)',
      JSON.stringify(reader),
    );
  }
  if (config.neo4jUri !== null && config.neo4jReadPassword === null) {
    throw new ConfigError(
      'NEO4J_READ_PASSWORD',
      `set with NEO4J_READ_USER when NEO4J_URI names the server (the password of "${reader}" there)`,
      'nothing',
    );
  }
}
