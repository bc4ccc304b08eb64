export { buildJourneys, channelMap, journeySql, type JourneyOptions } from './build.js';
export { buildPathTable } from './paths.js';
