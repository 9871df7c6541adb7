/**
 * Writes short H.264 MP4 clips without an encoder: every key frame is coded with I_PCM
 * macroblocks (raw samples, so no transform or entropy coding is needed) and every other frame
 * is a P slice whose macroblocks are all skipped (a copy of the previous frame). The result is a
 * valid Constrained Baseline stream that browsers decode, small enough to build per run: the
 * demo plays it in a real Video node served by the local collector.
 *
 * A clip shows one solid colour per key-frame interval (so playback progress is visible).
 */

export interface ClipOptions {
    /** Length in seconds. */
    seconds: number;
    /** Frame size in pixels; multiples of 16. */
    width?: number;
    height?: number;
    fps?: number;
    /** A key frame (and a colour change) every this many seconds. */
    keyIntervalSec?: number;
    /** Colours as [Y, Cb, Cr] (16-235 / 16-240), cycled per key frame. */
    palette?: Array<[number, number, number]>;
}

const DEFAULT_PALETTE: Array<[number, number, number]> = [
    [81, 90, 240], [145, 54, 34], [41, 240, 110], [210, 16, 146], [170, 166, 16], [106, 202, 222]
];

class BitWriter {
    private bytes: number[] = [];
    private current = 0;
    private count = 0;

    bits(value: number, width: number): void {
        for (let i = width - 1; i >= 0; i--) {
            this.bit((value >>> i) & 1);
        }
    }

    bit(b: number): void {
        this.current = (this.current << 1) | b;
        this.count++;
        if (this.count === 8) {
            this.bytes.push(this.current);
            this.current = 0;
            this.count = 0;
        }
    }

    /** Unsigned Exp-Golomb. */
    ue(value: number): void {
        const v = value + 1;
        const width = Math.floor(Math.log2(v)) + 1;
        this.bits(0, width - 1);
        this.bits(v, width);
    }

    /** Signed Exp-Golomb. */
    se(value: number): void {
        this.ue(value <= 0 ? -2 * value : 2 * value - 1);
    }

    aligned(): boolean {
        return this.count === 0;
    }

    alignZero(): void {
        while (this.count !== 0) {
            this.bit(0);
        }
    }

    byte(value: number): void {
        this.bits(value & 0xff, 8);
    }

    /** rbsp_trailing_bits: a stop bit, then zeros to the byte boundary. */
    trailing(): void {
        this.bit(1);
        this.alignZero();
    }

    toBuffer(): Buffer {
        return Buffer.from(this.bytes);
    }
}

/** NAL unit payload with emulation prevention (00 00 0x -> 00 00 03 0x for x <= 3). */
function nal(header: number, rbsp: Buffer): Buffer {
    const out: number[] = [header];
    let zeros = 0;
    for (const b of rbsp) {
        if (zeros >= 2 && b <= 3) {
            out.push(3);
            zeros = 0;
        }
        out.push(b);
        zeros = b === 0 ? zeros + 1 : 0;
    }
    return Buffer.from(out);
}

const PROFILE_BASELINE = 66;
const LEVEL = 30;
const LOG2_MAX_FRAME_NUM = 4;

function sps(widthMbs: number, heightMbs: number): Buffer {
    const w = new BitWriter();
    w.byte(PROFILE_BASELINE);
    w.byte(0xc0); // constraint_set0 and set1: Constrained Baseline
    w.byte(LEVEL);
    w.ue(0); // seq_parameter_set_id
    w.ue(LOG2_MAX_FRAME_NUM - 4);
    w.ue(2); // pic_order_cnt_type 2: output order = decoding order
    w.ue(1); // max_num_ref_frames
    w.bit(0); // gaps_in_frame_num_value_allowed_flag
    w.ue(widthMbs - 1);
    w.ue(heightMbs - 1);
    w.bit(1); // frame_mbs_only_flag
    w.bit(1); // direct_8x8_inference_flag
    w.bit(0); // frame_cropping_flag
    w.bit(0); // vui_parameters_present_flag
    w.trailing();
    return nal(0x67, w.toBuffer());
}

function pps(): Buffer {
    const w = new BitWriter();
    w.ue(0); // pic_parameter_set_id
    w.ue(0); // seq_parameter_set_id
    w.bit(0); // entropy_coding_mode_flag: CAVLC
    w.bit(0); // bottom_field_pic_order_in_frame_present_flag
    w.ue(0); // num_slice_groups_minus1
    w.ue(0); // num_ref_idx_l0_default_active_minus1
    w.ue(0); // num_ref_idx_l1_default_active_minus1
    w.bit(0); // weighted_pred_flag
    w.bits(0, 2); // weighted_bipred_idc
    w.se(0); // pic_init_qp_minus26
    w.se(0); // pic_init_qs_minus26
    w.se(0); // chroma_qp_index_offset
    w.bit(1); // deblocking_filter_control_present_flag
    w.bit(0); // constrained_intra_pred_flag
    w.bit(0); // redundant_pic_cnt_present_flag
    w.trailing();
    return nal(0x68, w.toBuffer());
}

/** An IDR picture of one colour, every macroblock I_PCM. */
function idrSlice(mbCount: number, idrId: number, colour: [number, number, number]): Buffer {
    const w = new BitWriter();
    w.ue(0); // first_mb_in_slice
    w.ue(7); // slice_type: I (all slices of the picture)
    w.ue(0); // pic_parameter_set_id
    w.bits(0, LOG2_MAX_FRAME_NUM); // frame_num
    w.ue(idrId % 2); // idr_pic_id: differs between consecutive IDR pictures
    w.bit(0); // no_output_of_prior_pics_flag
    w.bit(0); // long_term_reference_flag
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc: off
    const [y, cb, cr] = colour;
    for (let mb = 0; mb < mbCount; mb++) {
        w.ue(25); // mb_type I_PCM
        w.alignZero(); // pcm_alignment_zero_bit
        for (let i = 0; i < 256; i++) {
            w.byte(y);
        }
        for (let i = 0; i < 64; i++) {
            w.byte(cb);
        }
        for (let i = 0; i < 64; i++) {
            w.byte(cr);
        }
    }
    w.trailing();
    return nal(0x65, w.toBuffer());
}

/** A P picture that repeats the previous one: every macroblock skipped. */
function skipSlice(mbCount: number, frameNum: number): Buffer {
    const w = new BitWriter();
    w.ue(0); // first_mb_in_slice
    w.ue(5); // slice_type: P (all slices of the picture)
    w.ue(0); // pic_parameter_set_id
    w.bits(frameNum % (1 << LOG2_MAX_FRAME_NUM), LOG2_MAX_FRAME_NUM);
    w.bit(0); // num_ref_idx_active_override_flag
    w.bit(0); // ref_pic_list_modification_flag_l0
    w.bit(0); // adaptive_ref_pic_marking_mode_flag
    w.se(0); // slice_qp_delta
    w.ue(1); // disable_deblocking_filter_idc
    w.ue(mbCount); // mb_skip_run: the whole picture
    w.trailing();
    return nal(0x41, w.toBuffer());
}

// --- MP4 boxes ---------------------------------------------------------------------------------

function u8(v: number): Buffer {
    return Buffer.from([v & 0xff]);
}
function u16(v: number): Buffer {
    const b = Buffer.alloc(2);
    b.writeUInt16BE(v);
    return b;
}
function u32(v: number): Buffer {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(v >>> 0);
    return b;
}
function box(type: string, ...parts: Buffer[]): Buffer {
    const body = Buffer.concat(parts);
    return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'ascii'), body]);
}
function fullBox(type: string, version: number, flags: number, ...parts: Buffer[]): Buffer {
    return box(type, u32((version << 24) | flags), ...parts);
}
const MATRIX = Buffer.concat([u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0), u32(0x40000000)]);

interface Track {
    width: number;
    height: number;
    timescale: number;
    sampleDelta: number;
    samples: Buffer[];
    syncSamples: number[];
    sps: Buffer;
    pps: Buffer;
}

function moov(track: Track, chunkOffset: number): Buffer {
    const durationTs = track.samples.length * track.sampleDelta;
    const durationMs = Math.round(durationTs * 1000 / track.timescale);
    const mvhd = fullBox('mvhd', 0, 0, u32(0), u32(0), u32(1000), u32(durationMs), u32(0x00010000), u16(0x0100), Buffer.alloc(10), MATRIX, Buffer.alloc(24), u32(2));
    const tkhd = fullBox('tkhd', 0, 3, u32(0), u32(0), u32(1), u32(0), u32(durationMs), Buffer.alloc(8), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(track.width << 16), u32(track.height << 16));
    const mdhd = fullBox('mdhd', 0, 0, u32(0), u32(0), u32(track.timescale), u32(durationTs), u16(0x55c4), u16(0));
    const hdlr = fullBox('hdlr', 0, 0, u32(0), Buffer.from('vide', 'ascii'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'ascii'));
    const vmhd = fullBox('vmhd', 0, 1, u16(0), u16(0), u16(0), u16(0));
    const dinf = box('dinf', fullBox('dref', 0, 0, u32(1), fullBox('url ', 0, 1)));
    const avcC = box('avcC', u8(1), u8(PROFILE_BASELINE), u8(0xc0), u8(LEVEL), u8(0xff), u8(0xe1), u16(track.sps.length), track.sps, u8(1), u16(track.pps.length), track.pps);
    const compressor = Buffer.alloc(32);
    const avc1 = box('avc1', Buffer.alloc(6), u16(1), Buffer.alloc(16), u16(track.width), u16(track.height), u32(0x00480000), u32(0x00480000), u32(0), u16(1), compressor, u16(0x0018), u16(0xffff), avcC);
    const stsd = fullBox('stsd', 0, 0, u32(1), avc1);
    const stts = fullBox('stts', 0, 0, u32(1), u32(track.samples.length), u32(track.sampleDelta));
    const stss = fullBox('stss', 0, 0, u32(track.syncSamples.length), ...track.syncSamples.map((n) => u32(n)));
    const stsc = fullBox('stsc', 0, 0, u32(1), u32(1), u32(track.samples.length), u32(1));
    const stsz = fullBox('stsz', 0, 0, u32(0), u32(track.samples.length), ...track.samples.map((s) => u32(s.length)));
    const stco = fullBox('stco', 0, 0, u32(1), u32(chunkOffset));
    const stbl = box('stbl', stsd, stts, stss, stsc, stsz, stco);
    const minf = box('minf', vmhd, dinf, stbl);
    const mdia = box('mdia', mdhd, hdlr, minf);
    return box('moov', mvhd, box('trak', tkhd, mdia));
}

/** An MP4 (moov before mdat, so playback can start before the download ends). */
export function makeTestClip(options: ClipOptions): Buffer {
    const width = options.width ?? 160;
    const height = options.height ?? 96;
    if (width % 16 !== 0 || height % 16 !== 0) {
        throw new Error(`clip size must be a multiple of 16 (got ${width}x${height})`);
    }
    const fps = options.fps ?? 10;
    const keyInterval = Math.max(1, Math.round((options.keyIntervalSec ?? 1) * fps));
    const palette = options.palette ?? DEFAULT_PALETTE;
    const mbCount = (width / 16) * (height / 16);
    const frames = Math.max(1, Math.round(options.seconds * fps));
    const samples: Buffer[] = [];
    const syncSamples: number[] = [];
    let idr = 0;
    let sinceIdr = 0;
    for (let i = 0; i < frames; i++) {
        let unit: Buffer;
        if (i % keyInterval === 0) {
            unit = idrSlice(mbCount, idr, palette[idr % palette.length]);
            idr++;
            sinceIdr = 0;
            syncSamples.push(i + 1);
        } else {
            sinceIdr++;
            unit = skipSlice(mbCount, sinceIdr);
        }
        samples.push(Buffer.concat([u32(unit.length), unit]));
    }
    const track: Track = { width, height, timescale: fps * 1000, sampleDelta: 1000, samples, syncSamples, sps: sps(width / 16, height / 16), pps: pps() };
    const ftyp = box('ftyp', Buffer.from('isom', 'ascii'), u32(512), Buffer.from('isomiso2avc1mp41', 'ascii'));
    const mdatBody = Buffer.concat(samples);
    const probe = moov(track, 0);
    const offset = ftyp.length + probe.length + 8;
    return Buffer.concat([ftyp, moov(track, offset), u32(mdatBody.length + 8), Buffer.from('mdat', 'ascii'), mdatBody]);
}
