/**
 * Media attributes (from the Roku and web media seeds' attribute and summary tables), the vendor
 * mapping to Adobe metadata keys, and which attributes each media event carries. Units follow
 * ../shared/notes/contracts.md: durations, positions and times spent in ms; rates and limits in %.
 */
import type { MediaAttribute, MediaEventSpec } from './types';

export const mediaAttributes: MediaAttribute[] = [
    // Session identity and content
    { key: 'media_session_id', type: 'string', description: 'Unique identifier of the media session.' },
    { key: 'media_session_start_time', type: 'timestamp', unit: 'ms', description: 'When logMediaSessionStart was called (epoch ms).' },
    { key: 'media_session_end_time', type: 'timestamp', unit: 'ms', description: 'Most recent valid event of the session (epoch ms).' },
    { key: 'media_session_ad_objects', type: 'array', description: 'ad_content_ids of the ads played, JSON-encoded.' },
    { key: 'stream_type', type: 'string', description: 'MEDIA_STREAM_TYPE value.' },
    { key: 'stream_format', type: 'string', description: 'Video coding format (H.264, HEVC, ...).', adobeKey: 's:meta:a.media.format' },
    { key: 'audio_format', type: 'string', description: 'Audio coding format the player reports (Video.audioFormat: "aac", "ac3", ...); set by media.trackVideo.' },
    { key: 'content_type', type: 'string', description: 'MEDIA_CONTENT_TYPE value.' },
    { key: 'content_id', type: 'string', description: 'Unique content identifier.' },
    { key: 'content_duration', type: 'number', unit: 'ms', description: 'Content duration.' },
    { key: 'content_title', type: 'string', description: 'Content title.' },
    { key: 'content_asset_id', type: 'string', description: 'Content asset id.', adobeKey: 's:meta:a.media.asset' },
    { key: 'content_season', type: 'string', description: 'Season.', adobeKey: 's:meta:a.media.season' },
    { key: 'content_episode', type: 'string', description: 'Episode.', adobeKey: 's:meta:a.media.episode' },
    { key: 'content_daypart', type: 'string', description: 'Daypart.', adobeKey: 's:meta:a.media.dayPart' },
    { key: 'content_originator', type: 'string', description: 'Content source name.', adobeKey: 's:meta:a.media.originator' },
    { key: 'content_network', type: 'string', description: 'Network.', adobeKey: 's:meta:a.media.network' },
    { key: 'content_mvpd', type: 'string', description: 'Multichannel video programming distributor.', adobeKey: 's:meta:a.media.pass.mvpd' },
    { key: 'content_feed', type: 'string', description: 'Name of content feed.', adobeKey: 's:meta:a.media.feed' },
    { key: 'content_show', type: 'string', description: 'Name of show.', adobeKey: 's:meta:a.media.show' },
    { key: 'content_show_type', type: 'string', description: 'Show type.', adobeKey: 's:meta:a.media.type' },
    { key: 'content_genre', type: 'string', description: 'Genre.', adobeKey: 's:meta:a.media.genre' },
    { key: 'content_rating', type: 'string', description: 'Content rating.', adobeKey: 's:meta:a.media.rating' },
    { key: 'content_authorized', type: 'string', description: 'Content rights or licence reference.', adobeKey: 's:meta:a.media.pass.auth' },
    { key: 'content_first_air_date', type: 'string', description: 'Date of initial broadcast.', adobeKey: 's:meta:a.media.airDate' },
    { key: 'content_digital_date', type: 'string', description: 'Date of initial digital distribution.', adobeKey: 's:meta:a.media.digitalDate' },
    { key: 'content_ad_load', type: 'string', description: 'Ad load type.', adobeKey: 's:meta:a.media.adLoad' },
    { key: 'content_artist', type: 'string', description: 'Artist (audio).', adobeKey: 's:meta:a.media.artist' },
    { key: 'content_album', type: 'string', description: 'Album (audio).', adobeKey: 's:meta:a.media.album' },
    { key: 'content_label', type: 'string', description: 'Label (audio).', adobeKey: 's:meta:a.media.label' },
    { key: 'content_author', type: 'string', description: 'Author (audio).', adobeKey: 's:meta:a.media.author' },
    { key: 'content_station', type: 'string', description: 'Station (audio).', adobeKey: 's:meta:a.media.station' },
    { key: 'content_publisher', type: 'string', description: 'Publisher (audio).', adobeKey: 's:meta:a.media.publisher' },
    { key: 'playhead_position', type: 'number', unit: 'ms', description: 'Playhead at the moment of the event.' },
    { key: 'milestone', type: 'number', unit: '%', description: 'Percent of content consumed when the milestone was reached.' },
    // Errors (logError; forwarded to Adobe as errorDetails)
    { key: 'error_name', type: 'string', description: 'Error identifier, e.g. the Video node\'s errorCode or errorStr.' },
    { key: 'error_source', type: 'string', description: 'Where the error came from: player (the media player) or external (CDN, network, DRM server).' },
    { key: 'error_message', type: 'string', description: 'Error text (a custom attribute of logError, e.g. the Video node\'s errorMsg); kept as the session\'s last error message.' },
    // Buffering and seeking
    { key: 'buffer_duration', type: 'number', unit: 'ms', description: 'Duration of buffering.' },
    { key: 'buffer_percent', type: 'number', unit: '%', description: 'Percentage buffered.' },
    { key: 'buffer_position', type: 'number', unit: 'ms', description: 'Playhead when buffering.' },
    { key: 'seek_position', type: 'number', unit: 'ms', description: 'Playhead when the seek began or ended.' },
    // Segments
    { key: 'segment_title', type: 'string', description: 'Segment title.' },
    { key: 'segment_index', type: 'integer', description: 'Segment index.' },
    { key: 'segment_duration', type: 'number', unit: 'ms', description: 'Segment duration.' },
    { key: 'segment_start_time', type: 'timestamp', unit: 'ms', description: 'When logSegmentStart was called (epoch ms).' },
    { key: 'segment_end_time', type: 'timestamp', unit: 'ms', description: 'Most recent valid event in the segment (epoch ms).' },
    { key: 'media_segment_time_spent', type: 'number', unit: 'ms', description: 'Time spent in the segment.' },
    { key: 'segment_completed', type: 'boolean', description: 'logSegmentEnd ended the segment.' },
    { key: 'segment_skipped', type: 'boolean', description: 'logSegmentSkip ended the segment.' },
    // Ads
    { key: 'ad_break_id', type: 'string', description: 'Ad break identifier.' },
    { key: 'ad_break_title', type: 'string', description: 'Ad break title.' },
    { key: 'ad_break_duration', type: 'number', unit: 'ms', description: 'Ad break duration.' },
    { key: 'ad_content_id', type: 'string', description: 'Ad identifier.' },
    { key: 'ad_content_title', type: 'string', description: 'Ad title.' },
    { key: 'ad_content_duration', type: 'number', unit: 'ms', description: 'Ad duration.' },
    { key: 'ad_content_advertiser', type: 'string', description: 'Advertiser.', adobeKey: 's:meta:a.media.ad.advertiser' },
    { key: 'ad_content_campaign', type: 'string', description: 'Campaign.', adobeKey: 's:meta:a.media.ad.campaign' },
    { key: 'ad_content_creative', type: 'string', description: 'Creative.', adobeKey: 's:meta:a.media.ad.creative' },
    { key: 'ad_content_creative_url', type: 'string', description: 'Creative URL.', adobeKey: 's:meta:a.media.ad.creativeURL' },
    { key: 'ad_content_placement', type: 'string', description: 'Placement.', adobeKey: 's:meta:a.media.ad.placement' },
    { key: 'ad_content_position', type: 'integer', description: 'Position of the ad in its break.' },
    { key: 'ad_content_site_id', type: 'string', description: 'Ad site identifier.', adobeKey: 's:meta:a.media.ad.site' },
    { key: 'ad_content_start_time', type: 'timestamp', unit: 'ms', description: 'When logAdStart was called (epoch ms).' },
    { key: 'ad_content_end_time', type: 'timestamp', unit: 'ms', description: 'Most recent valid event in the ad (epoch ms).' },
    { key: 'ad_completed', type: 'boolean', description: 'logAdEnd ended the ad.' },
    { key: 'ad_skipped', type: 'boolean', description: 'logAdSkip ended the ad.' },
    // Player and QoS
    { key: 'player_name', type: 'string', description: 'Player name.' },
    { key: 'player_ovp', type: 'string', description: 'Online video platform name.' },
    { key: 'player_initial_resolution', type: 'string', description: 'Default resolution of the content.' },
    { key: 'qos_bitrate', type: 'number', description: 'Bitrate (bits per second).' },
    { key: 'qos_fps', type: 'number', description: 'Frames per second.' },
    { key: 'qos_startup_time', type: 'number', unit: 'ms', description: 'Time from play to first frame.' },
    { key: 'qos_dropped_frames', type: 'integer', description: 'Dropped frames.' },
    { key: 'qos_resolution', type: 'string', description: 'Rendition playing, width x height (e.g. 1920x1080); a custom attribute of logQoS, kept as the session\'s latest.' },
    // Quality of experience, computed by the SDK from the session's calls (MediaQoe.bs)
    { key: 'qoe_startup_time', type: 'number', unit: 'ms', description: 'Startup time: logMediaSessionStart to the first logPlay, ad breaks before it left out (qos_startup_time reported by the app or the player wins).' },
    { key: 'qoe_rebuffer_count', type: 'integer', description: 'Rebuffers: buffering after the first play, outside seeks.' },
    { key: 'qoe_rebuffer_time', type: 'number', unit: 'ms', description: 'Time spent rebuffering.' },
    { key: 'qoe_rebuffer_ratio', type: 'number', unit: '%', description: 'Rebuffer time as a share of rebuffer time plus media_content_time_spent.' },
    { key: 'qoe_seek_count', type: 'integer', description: 'Seeks (logSeekStart .. logSeekEnd).' },
    { key: 'qoe_seek_time', type: 'number', unit: 'ms', description: 'Time spent seeking, buffering after the seek included.' },
    { key: 'qoe_bitrate_average', type: 'number', description: 'Bitrate (bits per second) averaged over content time, weighted by how long each bitrate played.' },
    { key: 'qoe_bitrate_last', type: 'number', description: 'Last bitrate reported (bits per second).' },
    { key: 'qoe_bitrate_changes', type: 'integer', description: 'Times the reported bitrate changed (the first report is not a change).' },
    { key: 'qoe_resolution', type: 'string', description: 'Last qos_resolution reported.' },
    { key: 'qoe_dropped_frames', type: 'integer', description: 'Last qos_dropped_frames reported.' },
    { key: 'qoe_error_count', type: 'integer', description: 'logError calls in the session.' },
    { key: 'qoe_error_code', type: 'string', description: 'error_name of the last error.' },
    { key: 'qoe_error_message', type: 'string', description: 'error_message of the last error that had one.' },
    // Session summary
    { key: 'media_time_spent', type: 'number', unit: 'ms', description: 'Time from session start to its end (or last event).' },
    { key: 'media_content_time_spent', type: 'number', unit: 'ms', description: 'Time spent playing content.' },
    { key: 'media_content_complete', type: 'boolean', description: 'Content ended, or the playhead passed mediaContentCompleteLimit.' },
    { key: 'media_session_segment_total', type: 'integer', description: 'Segments progressed into.' },
    { key: 'media_total_ad_time_spent', type: 'number', unit: 'ms', description: 'Time ads played.' },
    { key: 'media_ad_time_spent_rate', type: 'number', unit: '%', description: 'Share of playback time that was ads.' },
    { key: 'media_session_ad_total', type: 'integer', description: 'Ads played.' }
];

/**
 * Attributes every in-session media event carries (the Roku seed's example event has exactly
 * these); session attributes and per-call custom attributes add to them.
 */
const BASE = ['media_session_id', 'content_id', 'content_title', 'content_duration', 'content_type', 'stream_type', 'playhead_position'];
const AD_BREAK = ['ad_break_id', 'ad_break_title', 'ad_break_duration'];
const AD = ['ad_content_id', 'ad_content_title', 'ad_content_duration', 'ad_content_advertiser', 'ad_content_campaign', 'ad_content_creative', 'ad_content_placement', 'ad_content_position', 'ad_content_site_id'];
const SEGMENT = ['segment_title', 'segment_index', 'segment_duration'];
const BUFFER = ['buffer_duration', 'buffer_percent', 'buffer_position'];
const QOS = ['qos_bitrate', 'qos_fps', 'qos_startup_time', 'qos_dropped_frames', 'qos_resolution'];

/** Keys of the web media seed's summary tables, exactly. */
export const SESSION_SUMMARY_KEYS = [
    'media_session_id', 'content_id', 'content_title', 'media_session_start_time', 'media_session_end_time',
    'media_time_spent', 'media_content_time_spent', 'media_content_complete', 'media_session_segment_total',
    'media_total_ad_time_spent', 'media_ad_time_spent_rate', 'media_session_ad_total', 'media_session_ad_objects'
];
export const SEGMENT_SUMMARY_KEYS = [
    'media_session_id', 'content_id', 'segment_title', 'segment_index', 'segment_start_time', 'segment_end_time',
    'media_segment_time_spent', 'segment_completed', 'segment_skipped'
];
/**
 * QoE keys of the Media Session Summary (our addition to the seed's table): counts and times are
 * always there (0 when nothing happened); the others only once known.
 */
export const QOE_SUMMARY_KEYS = [
    'qoe_rebuffer_count', 'qoe_rebuffer_time', 'qoe_rebuffer_ratio', 'qoe_seek_count', 'qoe_seek_time',
    'qoe_bitrate_changes', 'qoe_error_count'
];
export const QOE_OPTIONAL_KEYS = [
    'qoe_startup_time', 'qoe_bitrate_average', 'qoe_bitrate_last', 'qoe_resolution', 'qoe_dropped_frames',
    'qoe_error_code', 'qoe_error_message'
];
const QOE_ALL = [...QOE_SUMMARY_KEYS, ...QOE_OPTIONAL_KEYS];
export const AD_SUMMARY_KEYS = [
    'media_session_id', 'ad_break_id', 'ad_content_id', 'ad_content_title', 'ad_content_start_time',
    'ad_content_end_time', 'ad_completed', 'ad_skipped'
];

/**
 * Optional context any in-session event may carry when the app set it on the session. Values that
 * come from optional bridge parameters (seek, buffer, QoS) are optional too.
 */
const CONTEXT = [...AD_BREAK, ...AD, ...SEGMENT];

export const mediaEvents: MediaEventSpec[] = [
    { constant: 'SESSION_START', name: 'Media Session Start', loggedBy: 'logMediaSessionStart', attributes: BASE, optional: CONTEXT, description: 'The session started.' },
    { constant: 'SESSION_END', name: 'Media Session End', loggedBy: 'logMediaSessionEnd', attributes: BASE, optional: [...CONTEXT, ...QOE_ALL], description: 'The session ended.' },
    { constant: 'CONTENT_END', name: 'Media Content End', loggedBy: 'logMediaContentEnd', attributes: BASE, optional: [...CONTEXT, ...QOE_ALL], description: 'The content played to its end.' },
    { constant: 'PLAY', name: 'Play', loggedBy: 'logPlay', attributes: BASE, optional: [...CONTEXT, 'qoe_startup_time'], description: 'Playback started or resumed.' },
    { constant: 'PAUSE', name: 'Pause', loggedBy: 'logPause', attributes: BASE, optional: CONTEXT, description: 'Playback paused.' },
    { constant: 'SEEK_START', name: 'Seek Start', loggedBy: 'logSeekStart', attributes: BASE, optional: [...CONTEXT, 'seek_position'], description: 'A seek started.' },
    { constant: 'SEEK_END', name: 'Seek End', loggedBy: 'logSeekEnd', attributes: BASE, optional: [...CONTEXT, 'seek_position', 'qoe_seek_count', 'qoe_seek_time'], description: 'A seek ended.' },
    { constant: 'BUFFER_START', name: 'Buffer Start', loggedBy: 'logBufferStart', attributes: BASE, optional: [...CONTEXT, ...BUFFER], description: 'Buffering started.' },
    { constant: 'BUFFER_END', name: 'Buffer End', loggedBy: 'logBufferEnd', attributes: BASE, optional: [...CONTEXT, ...BUFFER, 'qoe_rebuffer_count', 'qoe_rebuffer_time'], description: 'Buffering ended.' },
    { constant: 'UPDATE_PLAYHEAD_POSITION', name: 'Update Playhead Position', attributes: BASE, optional: CONTEXT, description: 'Named for compatibility; logPlayheadPosition logs no event (as in the web media SDK).' },
    { constant: 'AD_CLICK', name: 'Ad Click', loggedBy: 'logAdClick', attributes: BASE, optional: CONTEXT, description: 'The current ad was clicked.' },
    { constant: 'AD_BREAK_START', name: 'Ad Break Start', loggedBy: 'logAdBreakStart', attributes: BASE, optional: CONTEXT, description: 'An ad break started.' },
    { constant: 'AD_BREAK_END', name: 'Ad Break End', loggedBy: 'logAdBreakEnd', attributes: BASE, optional: CONTEXT, description: 'The ad break ended.' },
    { constant: 'AD_START', name: 'Ad Start', loggedBy: 'logAdStart', attributes: BASE, optional: CONTEXT, description: 'An ad started.' },
    { constant: 'AD_END', name: 'Ad End', loggedBy: 'logAdEnd', attributes: BASE, optional: CONTEXT, description: 'The ad played to its end.' },
    { constant: 'AD_SKIP', name: 'Ad Skip', loggedBy: 'logAdSkip', attributes: BASE, optional: CONTEXT, description: 'The ad was skipped.' },
    { constant: 'SEGMENT_START', name: 'Segment Start', loggedBy: 'logSegmentStart', attributes: BASE, optional: CONTEXT, description: 'A segment started.' },
    { constant: 'SEGMENT_END', name: 'Segment End', loggedBy: 'logSegmentEnd', attributes: BASE, optional: CONTEXT, description: 'The segment played to its end.' },
    { constant: 'SEGMENT_SKIP', name: 'Segment Skip', loggedBy: 'logSegmentSkip', attributes: BASE, optional: CONTEXT, description: 'The segment was skipped.' },
    { constant: 'UPDATE_QOS', name: 'Update QoS', loggedBy: 'logQoS', attributes: BASE, optional: [...CONTEXT, ...QOS, 'qoe_bitrate_average', 'qoe_bitrate_changes'], description: 'Quality of service changed.' },
    { constant: 'ERROR', name: 'Media Error', loggedBy: 'logError', attributes: [...BASE, 'error_name', 'error_source', 'qoe_error_count'], optional: [...CONTEXT, 'error_message'], description: 'The player hit an error; the session stays open (end it if playback cannot go on).' },
    { constant: 'MILESTONE', name: 'Milestone', loggedBy: 'logMilestone', attributes: [...BASE, 'milestone'], optional: CONTEXT, description: 'The playhead passed a milestone percentage.' },
    { constant: 'SESSION_SUMMARY', name: 'Media Session Summary', loggedBy: 'logMediaSessionSummary', summary: true, attributes: [...SESSION_SUMMARY_KEYS, ...QOE_SUMMARY_KEYS], optional: QOE_OPTIONAL_KEYS, description: 'Accumulated record of the session.' },
    { constant: 'SEGMENT_SUMMARY', name: 'Segment Session Summary', loggedBy: 'logSegmentSummary', summary: true, attributes: SEGMENT_SUMMARY_KEYS, description: 'Accumulated record of one segment.' },
    { constant: 'AD_SUMMARY', name: 'Ad Session Summary', loggedBy: 'logAdSummary', summary: true, attributes: AD_SUMMARY_KEYS.filter((k) => k !== 'ad_break_id'), optional: ['ad_break_id'], description: 'Accumulated record of one ad.' }
];

/** Milestone percents a session logs when neither the session nor options.mediaMilestones set them. */
export const DEFAULT_MILESTONES = [25, 50, 75, 95];
