/** The schema: the one input of `npm run codegen`. */
import type { Schema } from './types';
import { constants } from './constants';
import { builders } from './builders';
import { commerceBuilders } from './commerce';
import { extraOptions } from './options';
import { bridge } from './bridge';
import { localMembers, trackingBridge } from './tracking';
import { taskFields } from './taskFields';
import { mediaAttributes, mediaEvents } from './media';

export const schema: Schema = {
    constants,
    extraOptions,
    builders: [...builders, ...commerceBuilders],
    bridge: [...bridge, ...trackingBridge],
    localMembers,
    taskFields,
    mediaAttributes,
    mediaEvents
};
