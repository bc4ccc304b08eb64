export { groupChannel, channelGrouper, OTHER, type ChannelMatch, type ChannelGrouper } from './group.js';
export { BUILT_IN_RULES, PAID_MEDIUMS, normalizeSource, type RawSource } from './rules.js';
