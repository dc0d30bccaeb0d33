package org.voiceai.audio;

import java.util.Random;

/** Synthetic test signals and the measurements the audio tests make on them. */
final class Signals {

	/** Full scale as dBFS counts it here: a square wave at ±32768 is 0 dBFS, a full-scale sine -3 dBFS. */
	static final double FULL_SCALE = 32768;

	private Signals() {
	}

	/** {@code seconds} of a sine of peak {@code amplitude} at {@code frequency}, sampled at {@code rate}. */
	static short[] tone(double frequency, double amplitude, int rate, double seconds) {
		short[] samples = new short[(int) Math.round(seconds * rate)];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
		}
		return samples;
	}

	/** Uniform white noise of peak {@code amplitude}, reproducible from {@code seed}. */
	static short[] noise(double amplitude, int length, long seed) {
		Random random = new Random(seed);
		short[] samples = new short[length];
		for (int i = 0; i < length; i++) {
			samples[i] = (short) Math.round(amplitude * (2 * random.nextDouble() - 1));
		}
		return samples;
	}

	/**
	 * Noise confined to {@code [fromHz, toHz]}: equal-amplitude sines every 10 Hz with random phases, scaled to peak
	 * at most {@code amplitude}.
	 */
	static short[] bandNoise(double fromHz, double toHz, double amplitude, int rate, double seconds, long seed) {
		Random random = new Random(seed);
		int length = (int) Math.round(seconds * rate);
		double[] sum = new double[length];
		for (double frequency = fromHz; frequency <= toHz; frequency += 10) {
			double phase = 2 * Math.PI * random.nextDouble();
			for (int i = 0; i < length; i++) {
				sum[i] += Math.sin(2 * Math.PI * frequency * i / rate + phase);
			}
		}
		double peak = 0;
		for (double value : sum) {
			peak = Math.max(peak, Math.abs(value));
		}
		short[] samples = new short[length];
		for (int i = 0; i < length; i++) {
			samples[i] = (short) Math.round(sum[i] * amplitude / peak);
		}
		return samples;
	}

	/**
	 * Peak amplitude of the component at {@code frequency} in {@code samples[from .. to)}: a Hann-windowed DFT at that
	 * one frequency. The window keeps tones more than a few DFT bins away from leaking into the measurement.
	 */
	static double amplitudeAt(short[] samples, int from, int to, double frequency, int rate) {
		double re = 0;
		double im = 0;
		double weight = 0;
		int n = to - from;
		for (int i = 0; i < n; i++) {
			double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / n);
			double angle = 2 * Math.PI * frequency * (from + i) / rate;
			re += window * samples[from + i] * Math.cos(angle);
			im += window * samples[from + i] * Math.sin(angle);
			weight += window;
		}
		return 2 * Math.hypot(re, im) / weight;
	}

	static double rms(short[] samples, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += (double) samples[i] * samples[i];
		}
		return Math.sqrt(sum / (to - from));
	}

	static double dbfs(double amplitude) {
		return 20 * Math.log10(amplitude / FULL_SCALE);
	}

	static double db(double ratio) {
		return 20 * Math.log10(ratio);
	}

	/** Normalised correlation of two equal-length ranges: 1 for identical shapes. */
	static double correlation(short[] a, short[] b, int from, int to) {
		double ab = 0;
		double aa = 0;
		double bb = 0;
		for (int i = from; i < to; i++) {
			ab += (double) a[i] * b[i];
			aa += (double) a[i] * a[i];
			bb += (double) b[i] * b[i];
		}
		return ab / Math.sqrt(aa * bb);
	}

}
