export { configSchema, type Config, type ConfigInput, type ChannelRule, type Uncertain } from './schema.js';
export { loadConfig, parseConfig, withOverrides, storePath, CONFIG_FILE, type LoadedConfig } from './load.js';
export { configTemplate } from './template.js';
