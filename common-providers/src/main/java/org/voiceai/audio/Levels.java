package org.voiceai.audio;

import java.util.Objects;

/**
 * Loudness of a stretch of 16-bit PCM: RMS and peak, in sample units and in dBFS. dBFS here is relative to full
 * scale 32768 (a full-scale square wave is 0 dBFS, a full-scale sine -3 dBFS); silence is negative infinity.
 * Used for barge-in and silence detection on every 20 ms frame, so measuring allocates nothing but this record.
 */
public record Levels(double rms, int peak) {

	private static final double FULL_SCALE = 32768;

	public Levels {
		if (!(rms >= 0 && rms <= FULL_SCALE) || peak < 0 || peak > FULL_SCALE) {
			throw new IllegalArgumentException("levels out of the 16-bit range: rms " + rms + ", peak " + peak);
		}
	}

	public static Levels of(short[] samples) {
		return of(samples, 0, samples.length);
	}

	/** Levels of {@code samples[offset .. offset + length)}; an empty range is silence. */
	public static Levels of(short[] samples, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, samples.length);
		long sumOfSquares = 0;
		int peak = 0;
		for (int i = offset, end = offset + length; i < end; i++) {
			int sample = samples[i];
			sumOfSquares += sample * sample;
			peak = Math.max(peak, Math.abs(sample));
		}
		return new Levels(rms(sumOfSquares, length), peak);
	}

	/**
	 * Levels of the little-endian PCM16 bytes {@code pcm[offset .. offset + length)}, straight from a frame.
	 * @throws InvalidAudioException if {@code length} is odd
	 */
	public static Levels ofBytes(byte[] pcm, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, pcm.length);
		if ((length & 1) != 0) {
			throw new InvalidAudioException("16-bit PCM needs an even number of bytes, got " + length);
		}
		long sumOfSquares = 0;
		int peak = 0;
		for (int i = offset, end = offset + length; i < end; i += 2) {
			int sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
			sumOfSquares += sample * sample;
			peak = Math.max(peak, Math.abs(sample));
		}
		return new Levels(rms(sumOfSquares, length / 2), peak);
	}

	public double rmsDbfs() {
		return dbfs(this.rms);
	}

	public double peakDbfs() {
		return dbfs(this.peak);
	}

	/** {@code amplitude} (in sample units) in decibels relative to full scale. */
	public static double dbfs(double amplitude) {
		return 20 * Math.log10(amplitude / FULL_SCALE);
	}

	private static double rms(long sumOfSquares, int count) {
		return (count == 0) ? 0 : Math.sqrt((double) sumOfSquares / count);
	}

}
