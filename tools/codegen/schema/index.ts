/** The schema: the one input of `npm run codegen`. */
import type { Schema } from './types';
import { constants } from './constants';
import { builders } from './builders';
import { bridge } from './bridge';
import { localMembers, trackingBridge } from './tracking';
import { taskFields } from './taskFields';
import { mediaAttributes, mediaEvents } from './media';

export const schema: Schema = {
    constants,
    builders,
    bridge: [...bridge, ...trackingBridge],
    localMembers,
    taskFields,
    mediaAttributes,
    mediaEvents
};
