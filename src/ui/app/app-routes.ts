export const ROUTES = {
  start: 'start',
  session: 'session',
  history: 'history',
  data: 'data',
  privacy: 'privacy',
  camera: 'camera',
} as const;
export type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** `#/history` → `history`; anything unknown → `start`. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (Object.values(ROUTES) as string[]).includes(name) ? (name as Route) : ROUTES.start;
}
