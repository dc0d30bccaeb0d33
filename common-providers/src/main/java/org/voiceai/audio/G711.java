package org.voiceai.audio;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit μ-law (PCMU) or A-law (PCMA), with the standard segment
 * tables, bit-exact with the ITU-T G.191 reference (as spandsp and WebRTC are). Decoding looks each code up in a
 * 256-entry table; encoding finds the segment from the magnitude's highest bit. The array methods that take an output
 * array allocate nothing, for the 20 ms realtime path.
 *
 * <p>Not delegated to {@code javax.sound.sampled}, whose encoders differ from the reference: they code negative values
 * by magnitude rather than by ones' complement (one code off at the edge of each negative interval), the μ-law one
 * wraps around beyond ±32635 instead of clipping, and the A-law one codes -7..-1 as -248.
 */
public final class G711 {

	/** μ-law adds this before finding the segment, so that segment boundaries fall on powers of two. */
	private static final int ULAW_BIAS = 0x84;

	/** Largest magnitude μ-law can code once the bias is added (32767 - 0x84). */
	private static final int ULAW_CLIP = 32635;

	private static final short[] ULAW_TO_LINEAR = decodeTable(G711::computeUlawDecode);

	private static final short[] ALAW_TO_LINEAR = decodeTable(G711::computeAlawDecode);

	private G711() {
	}

	/** The μ-law code of {@code sample}; 0 encodes as 0xFF (μ-law's positive zero). */
	public static byte encodeUlaw(short sample) {
		// Like A-law below, negative values are coded by their ones' complement so both signs share one range.
		int pcm = sample;
		int mask;
		if (pcm < 0) {
			pcm = -pcm - 1;
			mask = 0x7F;
		}
		else {
			mask = 0xFF;
		}
		pcm = Math.min(pcm, ULAW_CLIP) + ULAW_BIAS;
		// pcm is now in [0x84, 0x7FFF]; its top bit (7..14) gives the segment 0..7.
		int segment = 24 - Integer.numberOfLeadingZeros(pcm);
		int mantissa = (pcm >> (segment + 3)) & 0x0F;
		return (byte) (((segment << 4) | mantissa) ^ mask);
	}

	public static short decodeUlaw(byte code) {
		return ULAW_TO_LINEAR[code & 0xFF];
	}

	/** The A-law code of {@code sample} (with the even bits inverted, as transmitted). */
	public static byte encodeAlaw(short sample) {
		// A-law codes 13 bits; negative values are coded by their ones' complement so both signs share one range.
		int pcm = sample >> 3;
		int mask;
		if (pcm >= 0) {
			mask = 0xD5;
		}
		else {
			mask = 0x55;
			pcm = -pcm - 1;
		}
		// pcm is in [0, 0xFFF]; below 0x20 is segment 0 (linear), otherwise the top bit (5..11) gives segment 1..7.
		int segment = Math.max(0, 27 - Integer.numberOfLeadingZeros(pcm));
		int mantissa = (pcm >> ((segment < 2) ? 1 : segment)) & 0x0F;
		return (byte) (((segment << 4) | mantissa) ^ mask);
	}

	public static short decodeAlaw(byte code) {
		return ALAW_TO_LINEAR[code & 0xFF];
	}

	public static byte[] encodeUlaw(short[] samples) {
		byte[] codes = new byte[samples.length];
		encodeUlaw(samples, 0, samples.length, codes, 0);
		return codes;
	}

	public static void encodeUlaw(short[] in, int offset, int length, byte[] out, int outOffset) {
		Objects.checkFromIndexSize(offset, length, in.length);
		Objects.checkFromIndexSize(outOffset, length, out.length);
		for (int i = 0; i < length; i++) {
			out[outOffset + i] = encodeUlaw(in[offset + i]);
		}
	}

	public static short[] decodeUlaw(byte[] codes) {
		short[] samples = new short[codes.length];
		decodeUlaw(codes, 0, codes.length, samples, 0);
		return samples;
	}

	public static void decodeUlaw(byte[] in, int offset, int length, short[] out, int outOffset) {
		decode(ULAW_TO_LINEAR, in, offset, length, out, outOffset);
	}

	public static byte[] encodeAlaw(short[] samples) {
		byte[] codes = new byte[samples.length];
		encodeAlaw(samples, 0, samples.length, codes, 0);
		return codes;
	}

	public static void encodeAlaw(short[] in, int offset, int length, byte[] out, int outOffset) {
		Objects.checkFromIndexSize(offset, length, in.length);
		Objects.checkFromIndexSize(outOffset, length, out.length);
		for (int i = 0; i < length; i++) {
			out[outOffset + i] = encodeAlaw(in[offset + i]);
		}
	}

	public static short[] decodeAlaw(byte[] codes) {
		short[] samples = new short[codes.length];
		decodeAlaw(codes, 0, codes.length, samples, 0);
		return samples;
	}

	public static void decodeAlaw(byte[] in, int offset, int length, short[] out, int outOffset) {
		decode(ALAW_TO_LINEAR, in, offset, length, out, outOffset);
	}

	private static void decode(short[] table, byte[] in, int offset, int length, short[] out, int outOffset) {
		Objects.checkFromIndexSize(offset, length, in.length);
		Objects.checkFromIndexSize(outOffset, length, out.length);
		for (int i = 0; i < length; i++) {
			out[outOffset + i] = table[in[offset + i] & 0xFF];
		}
	}

	/** Decoded value: the middle of the code's quantisation interval, minus the bias. */
	private static short computeUlawDecode(int code) {
		int inverted = ~code & 0xFF;
		int magnitude = (((inverted & 0x0F) << 3) + ULAW_BIAS) << ((inverted & 0x70) >> 4);
		return (short) (((inverted & 0x80) != 0) ? (ULAW_BIAS - magnitude) : (magnitude - ULAW_BIAS));
	}

	/** Decoded value: the middle of the code's quantisation interval. */
	private static short computeAlawDecode(int code) {
		int value = code ^ 0x55;
		int magnitude = (value & 0x0F) << 4;
		int segment = (value & 0x70) >> 4;
		if (segment == 0) {
			magnitude += 8;
		}
		else {
			magnitude = (magnitude + 0x108) << (segment - 1);
		}
		return (short) (((value & 0x80) != 0) ? magnitude : -magnitude);
	}

	private static short[] decodeTable(IntFunction<Short> decoder) {
		short[] table = new short[256];
		for (int code = 0; code < 256; code++) {
			table[code] = decoder.apply(code);
		}
		return table;
	}

}
