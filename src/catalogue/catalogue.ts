import type { LabelledQuestion, Locality, Procedure } from "./schema.ts";

/** The whole catalogue, loaded once at start-up (and on reload) into an immutable model. */
export interface Catalogue {
  readonly procedures: readonly Procedure[];
  readonly byCode: ReadonlyMap<string, Procedure>;
  readonly locality: Locality;
  /** Citizen questions labelled with their procedures (`questions/*.yaml`, in file-name order). */
  readonly questions: readonly LabelledQuestion[];
  /**
   * Which file each run of `questions` came from, in order (the search's fit leaves one file out at
   * a time).
   */
  readonly questionFiles?: readonly { readonly file: string; readonly items: number }[];
  /** A short content hash of every file loaded: changes whenever the catalogue changes. */
  readonly version: string;
  readonly loadedAt: Date;
}
