/** What every resolver gets: the database door and this request's loaders. */
import type { Database } from '../db/database.ts';
import type { Loaders } from './loaders.ts';

export interface Context {
  readonly db: Database;
  readonly loaders: Loaders;
}
