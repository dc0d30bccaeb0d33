package org.voiceai.audio;

import java.util.Objects;

/**
 * Conversions between signed 16-bit little-endian PCM bytes (what FreeSWITCH and the providers send) and
 * {@code short} samples. The array-returning methods allocate their result; the ones taking an output array allocate
 * nothing, for the 20 ms realtime path.
 */
public final class Pcm16 {

	private Pcm16() {
	}

	/** The samples held in {@code littleEndian}. @throws InvalidAudioException if the byte count is odd */
	public static short[] toShorts(byte[] littleEndian) {
		short[] samples = new short[sampleCount(littleEndian.length)];
		toShorts(littleEndian, 0, littleEndian.length, samples);
		return samples;
	}

	/**
	 * Decodes {@code length} bytes of {@code in} from {@code offset} into {@code out[0 .. length / 2)}.
	 * @throws InvalidAudioException if {@code length} is odd
	 */
	public static void toShorts(byte[] in, int offset, int length, short[] out) {
		int count = sampleCount(length);
		Objects.checkFromIndexSize(offset, length, in.length);
		Objects.checkFromIndexSize(0, count, out.length);
		for (int i = 0, b = offset; i < count; i++, b += 2) {
			out[i] = (short) ((in[b] & 0xFF) | (in[b + 1] << 8));
		}
	}

	/** The little-endian bytes of {@code samples}. */
	public static byte[] toBytes(short[] samples) {
		byte[] bytes = new byte[samples.length * 2];
		toBytes(samples, 0, samples.length, bytes);
		return bytes;
	}

	/** Encodes {@code length} samples of {@code in} from {@code offset} into {@code out[0 .. 2 * length)}. */
	public static void toBytes(short[] in, int offset, int length, byte[] out) {
		Objects.checkFromIndexSize(offset, length, in.length);
		Objects.checkFromIndexSize(0, length * 2, out.length);
		for (int i = offset, b = 0, end = offset + length; i < end; i++, b += 2) {
			short sample = in[i];
			out[b] = (byte) sample;
			out[b + 1] = (byte) (sample >> 8);
		}
	}

	/**
	 * The mono mix of interleaved multi-channel audio: each frame's channels averaged, rounded half up. Averaging
	 * (rather than summing) cannot clip.
	 * @throws InvalidAudioException if the sample count is not a whole number of frames
	 */
	public static short[] downmix(short[] interleaved, int channels) {
		if (channels < 1) {
			throw new IllegalArgumentException("channels must be positive: " + channels);
		}
		if (interleaved.length % channels != 0) {
			throw new InvalidAudioException("audio of " + interleaved.length + " samples is not a whole number of "
					+ channels + "-channel frames");
		}
		short[] mono = new short[interleaved.length / channels];
		for (int frame = 0, i = 0; frame < mono.length; frame++) {
			int sum = 0;
			for (int channel = 0; channel < channels; channel++) {
				sum += interleaved[i++];
			}
			mono[frame] = (short) Math.floorDiv(2 * sum + channels, 2 * channels);
		}
		return mono;
	}

	private static int sampleCount(int byteCount) {
		if ((byteCount & 1) != 0) {
			throw new InvalidAudioException("16-bit PCM needs an even number of bytes, got " + byteCount);
		}
		return byteCount / 2;
	}

}
