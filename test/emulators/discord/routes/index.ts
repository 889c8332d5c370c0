import type { Route } from '../rest-router';
import { applicationRoutes } from './application-routes';
import { channelRoutes } from './channel-routes';
import { interactionRoutes } from './interaction-routes';
import { miscRoutes } from './misc-routes';

/** Every REST route the emulator serves, relative to `/api/v10`. */
export const routes: readonly Route[] = [...miscRoutes, ...channelRoutes, ...interactionRoutes, ...applicationRoutes];
