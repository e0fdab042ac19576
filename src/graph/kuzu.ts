/**
 * @deprecated The embedded store moved from Kùzu 0.11 to LadybugDB; these names stay for callers of the
 * old module. @see ./embedded.ts
 */
import { DEFAULT_DB_PATH, type EmbeddedOptions, openEmbeddedReader, openEmbeddedSink } from './embedded.js';

/** @deprecated @see DEFAULT_DB_PATH */
export const DEFAULT_KUZU_PATH = DEFAULT_DB_PATH;
/** @deprecated @see EmbeddedOptions */
export type KuzuOptions = EmbeddedOptions;
/** @deprecated @see openEmbeddedSink */
export const openKuzuSink = openEmbeddedSink;
/** @deprecated @see openEmbeddedReader */
export const openKuzuReader = openEmbeddedReader;
