import type { Message, formatNumber as Helper } from '@relais/core';
import type { MessageKey } from './messages.js';

/**
 * English messages of the map: their own module and chunk, loaded by `messages.ts` only where an element speaks English.
 * `formatNumber` comes from the caller, so that this chunk imports nothing (the classic script loads it as it is).
 */
export const english = ({ formatNumber }: { formatNumber: typeof Helper }): Partial<Record<MessageKey, Message>> => ({
  title: 'Map of services',
  status: (p) => `${formatNumber(p.n as number, 'en')} service${(p.n as number) > 1 ? 's' : ''} on the map, ${formatNumber(p.inView as number, 'en')} in view.`,
  withoutPosition: (p) => `${p.n} without a position: in the list, not on the map.`,
  outsideFrance: (p) => `${p.n} with a position outside France: to check in the source.`,
  truncated: 'Only the first services of the source are shown.',
  broader: 'This source cannot apply every filter asked for: the map shows more services.',
  showList: (p) => `Show the list of services in view (${p.n})`,
  hideList: 'Hide the list',
  listTitle: 'Services in view',
  listMore: (p) => `… and ${p.n} more: zoom in to narrow the area.`,
  searchArea: 'Search this area',
  aroundMe: 'Near me',
  geoRefused: 'Your location is not available: use the list or move the map.',
  tileError: 'The background map is not responding; services are still shown.',
  cluster: (p) => `${p.n} services — zoom in`,
  open: 'Open details',
  center: 'Show on the map',
  legend: 'Legend',
  loading: 'Loading the map…',
  mapLabel: 'Interactive map of services. The list above shows the same services.',
  retry: 'Try again',
  call: (p) => `Call ${p.phone}`,
  noPoints: 'No service to show.',
  keyboardHelp: 'Tab moves between markers, Enter opens one, Escape closes it; on the map itself, arrows and + / − pan and zoom.',
  closePopup: 'Close the summary',
  showListPlain: 'Show the list of services in view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  listSorted: (p) => `Nearest to ${p.place} first.`,
  away: (p) => `${p.d} away`,
});
