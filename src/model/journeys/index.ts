export { buildJourneys, type JourneyOptions } from './build.js';
