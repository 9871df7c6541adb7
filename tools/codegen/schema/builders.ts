/**
 * Builders of mParticleConstants(): MediaSession, AdBreak, AdContent, Segment. Field names are
 * those of mParticle's Roku SDK, so channel code written for it keeps working (summary counters
 * start at 0 there too, and apps increment them by hand). The SDK computes the summary fields
 * itself; a non-default value the app sets on one of them wins over the computed one.
 */
import type { Builder } from './types';

export const builders: Builder[] = [
    {
        name: 'MediaSession',
        compat: true,
        description: 'One end-to-end media experience for one piece of content.',
        params: [
            { name: 'contentId', type: 'string', description: 'Unique content identifier (content_id).' },
            { name: 'title', type: 'string', description: 'Content title (content_title).' },
            { name: 'contentType', type: 'string', description: 'MEDIA_CONTENT_TYPE value (content_type).' },
            { name: 'streamType', type: 'string', description: 'MEDIA_STREAM_TYPE value (stream_type).' },
            { name: 'duration', type: 'integer', optional: true, default: '0', description: 'Content duration in ms (content_duration).' },
            { name: 'mediaSessionAttributes', type: 'object', optional: true, default: '{}', description: 'Custom attributes sent with every event of the session.' },
            { name: 'excludeAdBreaksFromContentTime', type: 'boolean', optional: true, default: 'false', description: 'Stop counting content time during ad breaks, even if the app calls logPlay inside one.' }
        ],
        fields: [
            { name: 'contentId', type: 'string', fromParam: 'contentId', description: 'content_id' },
            { name: 'title', type: 'string', fromParam: 'title', description: 'content_title' },
            { name: 'contentType', type: 'string', fromParam: 'contentType', description: 'content_type' },
            { name: 'streamType', type: 'string', fromParam: 'streamType', description: 'stream_type' },
            { name: 'duration', type: 'integer', fromParam: 'duration', setter: true, description: 'content_duration in ms' },
            { name: 'mediaSessionAttributes', type: 'object', fromParam: 'mediaSessionAttributes', setter: true, description: 'Custom attributes sent with every event of the session' },
            { name: 'excludeAdBreaksFromContentTime', type: 'boolean', fromParam: 'excludeAdBreaksFromContentTime', setter: true, description: 'Exclude ad breaks from media_content_time_spent' },
            { name: 'mediaSessionId', type: 'string', initial: 'CreateObject("roDeviceInfo").GetRandomUUID()', description: 'media_session_id, unique per session' },
            { name: 'currentPlayheadPosition', type: 'number', initial: '0', setter: true, description: 'Playhead in ms; set it before each call (or call logPlayheadPosition)' },
            { name: 'mediaContentCompleteLimit', type: 'number', initial: '100', setter: true, description: 'Percent of duration after which the content counts as complete' },
            { name: 'milestones', type: 'array', initial: 'invalid', setter: true, description: 'Milestone percents logged once each as the playhead passes them (default options.mediaMilestones, else 25, 50, 75, 95; [] for none)' },
            { name: 'pageEventToggle', type: 'boolean', initial: 'true', setter: true, description: 'false: media events are not uploaded to mParticle as custom events' },
            { name: 'mediaEventToggle', type: 'boolean', initial: 'true', setter: true, description: 'false: media events are not forwarded (Adobe) nor written to mediaEventListener' },
            { name: 'mediaContentComplete', type: 'boolean', initial: 'false', setter: true, description: 'media_content_complete (computed unless set)' },
            { name: 'mediaContentTimeSpent', type: 'number', initial: '0', setter: true, description: 'media_content_time_spent in ms (computed unless set)' },
            { name: 'mediaSessionSegmentTotal', type: 'integer', initial: '0', setter: true, description: 'media_session_segment_total (computed unless set)' },
            { name: 'mediaSessionAdTotal', type: 'integer', initial: '0', setter: true, description: 'media_session_ad_total (computed unless set)' },
            { name: 'mediaTotalAdTimeSpent', type: 'number', initial: '0', setter: true, description: 'media_total_ad_time_spent in ms (computed unless set)' },
            { name: 'mediaAdTimeSpentRate', type: 'number', initial: '0.0', setter: true, description: 'media_ad_time_spent_rate in % (computed unless set)' },
            { name: 'mediaSessionAdObjects', type: 'array', initial: '[]', setter: true, description: 'media_session_ad_objects (computed unless set)' },
            { name: 'mediaSessionStartTime', type: 'timestamp', initial: 'mParticle.generated.unixTimeMillis()', setter: true, description: 'When build() ran, epoch ms (render-thread bookkeeping, as in mParticle\'s SDK; the uploaded media_session_start_time is when logMediaSessionStart was called)' },
            { name: 'mediaSessionEndTime', type: 'timestamp', initial: 'invalid', setter: true, description: 'When logMediaSessionEnd was called, epoch ms (render-thread bookkeeping; the uploaded value is computed on the Task)' },
            { name: 'currentPlaybackStartTimestamp', type: 'timestamp', initial: '0', description: 'When content playback last started (logPlay, or the end of an ad break that paused it), epoch ms; 0 while not playing (kept by the bridge)' },
            { name: 'storedPlaybackTime', type: 'number', initial: '0', description: 'Content time played before currentPlaybackStartTimestamp, ms (kept by the bridge)' },
            { name: 'playbackState', type: 'string', initial: '"pausedByUser"', description: '"playing", "pausedByUser" or "pausedByAdBreak" (kept by the bridge)' },
            { name: 'adBreak', type: 'object', initial: 'invalid', setter: true, description: 'Current ad break (AdBreak.build)' },
            { name: 'adContent', type: 'object', initial: 'invalid', setter: true, description: 'Current ad (AdContent.build)' },
            { name: 'segment', type: 'object', initial: 'invalid', setter: true, description: 'Current segment (Segment.build)' }
        ]
    },
    {
        name: 'AdBreak',
        compat: true,
        description: 'A break holding one or more ads.',
        params: [
            { name: 'id', type: 'string', description: 'ad_break_id' },
            { name: 'title', type: 'string', description: 'ad_break_title' }
        ],
        fields: [
            { name: 'id', type: 'string', fromParam: 'id', description: 'ad_break_id' },
            { name: 'title', type: 'string', fromParam: 'title', description: 'ad_break_title' },
            { name: 'duration', type: 'integer', initial: 'invalid', setter: true, description: 'ad_break_duration in ms' }
        ]
    },
    {
        name: 'AdContent',
        compat: true,
        description: 'One ad inside an ad break.',
        params: [
            { name: 'id', type: 'string', description: 'ad_content_id' },
            { name: 'title', type: 'string', description: 'ad_content_title' }
        ],
        fields: [
            { name: 'id', type: 'string', fromParam: 'id', description: 'ad_content_id' },
            { name: 'title', type: 'string', fromParam: 'title', description: 'ad_content_title' },
            { name: 'duration', type: 'integer', initial: 'invalid', setter: true, description: 'ad_content_duration in ms' },
            { name: 'advertiser', type: 'string', initial: 'invalid', setter: true, description: 'ad_content_advertiser' },
            { name: 'campaign', type: 'string', initial: 'invalid', setter: true, description: 'ad_content_campaign' },
            { name: 'creative', type: 'string', initial: 'invalid', setter: true, description: 'ad_content_creative' },
            { name: 'placement', type: 'string', initial: 'invalid', setter: true, description: 'ad_content_placement' },
            { name: 'position', type: 'integer', initial: 'invalid', setter: true, description: 'ad_content_position' },
            { name: 'index', type: 'integer', initial: 'invalid', setter: true, description: 'ad_content_position when position is not set (the field\'s name in older mParticle SDKs)' },
            { name: 'siteId', type: 'string', initial: 'invalid', setter: true, description: 'ad_content_site_id' },
            { name: 'adStartTime', type: 'timestamp', initial: 'invalid', setter: true, description: 'ad_content_start_time, epoch ms (computed unless set)' },
            { name: 'adEndTime', type: 'timestamp', initial: 'invalid', setter: true, description: 'ad_content_end_time, epoch ms (computed unless set)' },
            { name: 'adCompleted', type: 'boolean', initial: 'false', setter: true, description: 'ad_completed (computed unless set)' },
            { name: 'adSkipped', type: 'boolean', initial: 'false', setter: true, description: 'ad_skipped (computed unless set)' }
        ]
    },
    {
        name: 'Segment',
        compat: true,
        description: 'A chapter or scene of the content.',
        params: [
            { name: 'title', type: 'string', description: 'segment_title' },
            { name: 'index', type: 'integer', description: 'segment_index' },
            { name: 'duration', type: 'integer', description: 'segment_duration in ms' }
        ],
        fields: [
            { name: 'title', type: 'string', fromParam: 'title', description: 'segment_title' },
            { name: 'index', type: 'integer', fromParam: 'index', description: 'segment_index' },
            { name: 'duration', type: 'integer', fromParam: 'duration', setter: true, description: 'segment_duration in ms' },
            { name: 'segmentStartTime', type: 'timestamp', initial: 'invalid', setter: true, description: 'segment_start_time, epoch ms (computed unless set)' },
            { name: 'segmentEndTime', type: 'timestamp', initial: 'invalid', setter: true, description: 'segment_end_time, epoch ms (computed unless set)' },
            { name: 'segmentCompleted', type: 'boolean', initial: 'false', setter: true, description: 'segment_completed (computed unless set)' },
            { name: 'segmentSkipped', type: 'boolean', initial: 'false', setter: true, description: 'segment_skipped (computed unless set)' }
        ]
    }
];
