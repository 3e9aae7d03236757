/**
 * The loader's version, recorded on every Plan. Bump it whenever the graph a model turns into
 * changes shape (labels, properties, relationships): `npm start` then reloads plans written by an
 * older loader even though their source is unchanged.
 */
export const LOADER_VERSION = '1.2.0';
