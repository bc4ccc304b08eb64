/** All kinds by name (an unknown name lists the valid ones). */
import { xPosts } from './x-posts.js';
import { xDaily } from './x-daily.js';
import { xAds } from './x-ads.js';
import { crmDeals } from './crm-deals.js';
import { crmContacts } from './crm-contacts.js';
import { touchpoints } from './touchpoints.js';
import { webDaily } from './web-daily.js';
import { searchDaily } from './search-daily.js';
import { costs } from './costs.js';
import { retention } from './retention.js';
import type { Kind, KindSpec } from './types.js';

export const kindSpecs: Record<Kind, KindSpec> = {
  'x-posts': xPosts,
  'x-daily': xDaily,
  'x-ads': xAds,
  'crm-deals': crmDeals,
  'crm-contacts': crmContacts,
  touchpoints,
  'web-daily': webDaily,
  'search-daily': searchDaily,
  costs,
  retention,
};
