package org.voiceai.realtime.audio;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.G711;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Resampler;

/**
 * Converts one direction of a call's audio between two mono formats, chunk by chunk, keeping the resampler's state
 * across chunks (no clicks at chunk boundaries). Odd trailing bytes of 16-bit input are carried to the next chunk,
 * because FreeSWITCH frames need not be whole samples when a fork re-chunks them. Equal formats pass through
 * untouched. One instance per direction per call; not thread-safe.
 */
public final class AudioConverter {

	private final AudioFormat from;

	private final AudioFormat to;

	private final Resampler resampler;

	private int carriedByte = -1;

	public AudioConverter(AudioFormat from, AudioFormat to) {
		if (from.channels() != 1 || to.channels() != 1) {
			throw new IllegalArgumentException("only mono audio is converted: " + from + " -> " + to);
		}
		this.from = from;
		this.to = to;
		this.resampler = (from.sampleRate() == to.sampleRate()) ? null
				: Resampler.create(from.sampleRate(), to.sampleRate());
	}

	public AudioFormat from() {
		return this.from;
	}

	public AudioFormat to() {
		return this.to;
	}

	/** Converts a chunk; may return an empty array while it waits for more input. */
	public byte[] convert(byte[] chunk) {
		if (this.from.equals(this.to) && this.from.encoding() != AudioEncoding.PCM16) {
			return chunk;
		}
		short[] samples = decode(chunk);
		if (this.resampler != null) {
			samples = this.resampler.process(samples);
		}
		return encode(samples);
	}

	/** Converts to 16-bit samples in the target rate (for level checks and pacing, which work on samples). */
	public short[] convertToSamples(byte[] chunk) {
		short[] samples = decode(chunk);
		return (this.resampler != null) ? this.resampler.process(samples) : samples;
	}

	private short[] decode(byte[] chunk) {
		switch (this.from.encoding()) {
			case ULAW:
				return G711.decodeUlaw(chunk);
			case ALAW:
				return G711.decodeAlaw(chunk);
			default:
				return decodePcm16(chunk);
		}
	}

	private short[] decodePcm16(byte[] chunk) {
		byte[] bytes = chunk;
		if (this.carriedByte >= 0) {
			bytes = new byte[chunk.length + 1];
			bytes[0] = (byte) this.carriedByte;
			System.arraycopy(chunk, 0, bytes, 1, chunk.length);
			this.carriedByte = -1;
		}
		int whole = bytes.length & ~1;
		if (whole < bytes.length) {
			this.carriedByte = bytes[bytes.length - 1] & 0xFF;
		}
		short[] samples = new short[whole / 2];
		Pcm16.toShorts(bytes, 0, whole, samples);
		return samples;
	}

	private byte[] encode(short[] samples) {
		switch (this.to.encoding()) {
			case ULAW:
				return G711.encodeUlaw(samples);
			case ALAW:
				return G711.encodeAlaw(samples);
			default:
				return Pcm16.toBytes(samples);
		}
	}

}
