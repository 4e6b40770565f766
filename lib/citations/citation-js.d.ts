// The part of citation-js this archive uses (the packages ship no types). Server-only by use: only
// lib/citations/engine.ts imports them.
declare module '@citation-js/core' {
  export interface CslDate {
    'date-parts': number[][];
  }
  export type CslData = Record<string, unknown> & { id?: string; type?: string };
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: CslData[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: { add(name: string, xml: string): void; get(name: string): string; has(name: string): boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
