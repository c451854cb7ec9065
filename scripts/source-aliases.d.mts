// Types of scripts/source-aliases.mjs, for the TypeScript files that import it (.storybook/main.ts).
/** The repository root (absolute path). */
export declare const root: string;
/** Specifier (`@relais/core/http`) → absolute path of its TypeScript source, from each package.json `exports`. */
export declare function sourceAliases(): Map<string, string>;
/** The side effects a package declares for the built file of a source under packages/<pkg>/src/; null for other files. */
export declare function sourceSideEffects(file: string): boolean | null;
/** Rollup / Vite plugin resolving the workspace packages to their sources, with their built files' side effects. */
export declare function sourceAliasPlugin(): {
  name: string;
  enforce: 'pre';
  resolveId(this: unknown, source: string, importer: string | undefined, options: unknown): Promise<unknown>;
};
/** esbuild plugin: the same aliases and side effects. */
export declare function esbuildSourceAliases(): { name: string; setup(build: unknown): void };
/** @web/dev-server (web-test-runner) plugin: the same aliases, as URLs under rootDir. */
export declare function wdsSourceAliases(rootDir?: string): { name: string; resolveImport(args: { source: string }): string | undefined };
/** The aliases as TypeScript `paths`, relative to the repository root. */
export declare function tsconfigPaths(): Record<string, string[]>;
