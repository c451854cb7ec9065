/**
 * `@relais/core/prebuilt`: the prebuilt index for Node (the `relais-index` command, `relais-server export-index`):
 * writing it from a dataset, reading and checking its files. The static source loads it by itself (`src` naming the
 * manifest); this entry is for the tools that write it.
 */
export { buildPrebuiltIndex, describePrebuilt, chunkOf, type PrebuiltIndexFiles } from './search/prebuilt-write.js';
export { decodeChunk, encodeChunk, mergeChunks, loadPrebuilt, readManifest, isPrebuiltManifest, sha256Hex, PREBUILT_FORMAT, PREBUILT_VERSION, PREBUILT_SCHEMA, NATIONAL_CHUNK, ALL_CHUNK, type PrebuiltManifest, type PrebuiltChunk, type PrebuiltChunkEntry, type LoadedPrebuilt } from './search/prebuilt.js';
export type { ServiceIndexSnapshot } from './search/service-index.js';
export type { TextIndexSnapshot } from './search/text-index.js';
