import { stringEnum, type EnumValue } from '../../core/string-enum';
export const ROUTES = stringEnum('start', 'session', 'history', 'data', 'privacy', 'camera');
export type Route = EnumValue<typeof ROUTES>;

/** `#/history` → `history`; anything unknown → `start`. */
export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (Object.values(ROUTES) as string[]).includes(name) ? (name as Route) : ROUTES.start;
}
