/**
 * The real-device path: which Roku (target.ts), sideloading with roku-deploy (sideload.ts) and the
 * BrightScript console on port 8085 (console.ts). CI runs it against tools/device-emulator/.
 */
export * from './console';
export * from './sideload';
export * from './target';
