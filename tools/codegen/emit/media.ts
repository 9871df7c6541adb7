/**
 * BrightScript media tables from the media part of the schema (tools/codegen/schema/media.ts):
 * the mParticle -> Adobe metadata key mapping, the set of standard media attribute keys, the key
 * list of each summary event, the QoE keys of the session summary and the default milestones. The Task's media modules read these
 * instead of repeating the tables by hand.
 */
import type { Schema } from '../schema/types';
import { AD_SUMMARY_KEYS, DEFAULT_MILESTONES, QOE_OPTIONAL_KEYS, QOE_SUMMARY_KEYS, SEGMENT_SUMMARY_KEYS, SESSION_SUMMARY_KEYS } from '../schema/media';
import { BS_HEADER } from './brightscript';

const I1 = '    ';
const I2 = I1 + I1;
const I3 = I2 + I1;

function q(value: string): string {
    return `"${value.replace(/"/g, '""')}"`;
}

export function emitMediaTables(schema: Schema): string {
    const mapped = schema.mediaAttributes.filter((a) => a.adobeKey);
    const adobe = mapped.map((a) => `${I3}${q(a.key)}: ${q(a.adobeKey as string)}`).join('\n');
    const standard = schema.mediaAttributes.map((a) => `${I3}${q(a.key)}: true`).join('\n');
    const summaries = ([['SESSION_SUMMARY', SESSION_SUMMARY_KEYS], ['SEGMENT_SUMMARY', SEGMENT_SUMMARY_KEYS], ['AD_SUMMARY', AD_SUMMARY_KEYS]] as const)
        .map(([constant, keys]) => `${I3}${constant}: [${keys.map(q).join(', ')}]`)
        .join('\n');
    return `${BS_HEADER}
' Media tables from tools/codegen/schema/media.ts, read by src/components/mparticle/media/.
namespace mParticle.generated

    ' mParticle media attribute key -> Adobe Media metadata key (vendor mapping).
    function mediaAdobeMetadataKeys() as object
        return {
${adobe}
        }
    end function

    ' Every standard media attribute key; anything else is a custom attribute.
    function mediaStandardAttributeKeys() as object
        return {
${standard}
        }
    end function

    ' Exact attribute keys of each summary event, by MEDIA_EVENT_NAME constant.
    function mediaSummaryKeys() as object
        return {
${summaries}
        }
    end function

    ' QoE keys of the Media Session Summary: always there (totals) and once known (optional).
    function mediaQoeKeys() as object
        return {
${I3}totals: [${QOE_SUMMARY_KEYS.map(q).join(', ')}]
${I3}optional: [${QOE_OPTIONAL_KEYS.map(q).join(', ')}]
        }
    end function

    ' Milestone percents used when neither the session nor options.mediaMilestones set them.
    function mediaDefaultMilestones() as object
        return [${DEFAULT_MILESTONES.join(', ')}]
    end function

end namespace
`;
}
