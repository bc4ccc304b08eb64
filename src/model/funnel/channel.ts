/**
 * Channel of a raw source signal, for lead quality per source and the X-touched split: a thin
 * adapter over the channel grouping of model/channels (DESIGN §6.1), with the config's own rules
 * tested first. Results are cached per distinct raw combination.
 */
import type { Config } from '../../config/index.js';
import { channelGrouper, type RawSource } from '../channels/index.js';
import { isXChannel } from '../types.js';

export type { RawSource } from '../channels/index.js';

export interface Classifier {
  /** channel id of the raw fields */
  channelOf(raw: RawSource): string;
  /** true when the raw fields group to X (organic or paid) */
  isX(raw: RawSource): boolean;
}

/** A classifier with the config's channel rules. */
export function classifier(config: Pick<Config, 'channels'>): Classifier {
  const g = channelGrouper(config);
  return {
    channelOf: (raw) => g.group(raw),
    isX: (raw) => isXChannel(g.group(raw)),
  };
}
