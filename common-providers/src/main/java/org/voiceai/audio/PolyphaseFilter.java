package org.voiceai.audio;

/**
 * The anti-aliasing / anti-imaging low-pass of a {@link Resampler}, as a table of polyphase coefficients.
 *
 * <p>A rate change by {@code up / down} (the reduced ratio of output to input rate) computes output sample {@code j}
 * at input time {@code t = j * down / up}. That time always falls on one of {@code up} fractional positions
 * ("phases") between two input samples, so the continuous kernel only ever needs to be evaluated at
 * {@code up * taps} points, which are precomputed here. The kernel is a Kaiser-windowed sinc centred on {@code t},
 * so the output is time-aligned with the input (zero group delay relative to the stream).
 *
 * <p>Design: cutoff (-6 dB) at the lower rate's Nyquist frequency, flat to 85 % of it and at least
 * {@value #STOPBAND_DB} dB down from 115 % of it. So nothing folds into the passband (0–3.4 kHz at 8 kHz, the
 * telephone band): only input between 100 % and 115 % of Nyquist aliases, attenuated, into 85–100 % (3.4–4 kHz), and
 * likewise for the images of an upsampling. Centring the transition band on Nyquist rather than ending it there
 * halves the filter length, and so the work per sample, for the same passband and stopband.
 */
final class PolyphaseFilter {

	private static final double PASSBAND_EDGE = 0.85;

	private static final double STOPBAND_EDGE = 1.15;

	private static final double STOPBAND_DB = 80;

	private final int taps;

	private final float[] coefficients;

	private PolyphaseFilter(int taps, float[] coefficients) {
		this.taps = taps;
		this.coefficients = coefficients;
	}

	/** Designs the filter for resampling from {@code inputRate} to {@code outputRate}, {@code up} phases. */
	static PolyphaseFilter design(int inputRate, int outputRate, int up) {
		double lowerNyquist = Math.min(inputRate, outputRate) / 2.0;
		// Cutoff and transition width as fractions of the input sample rate: the kernel is evaluated in input samples.
		double cutoff = (PASSBAND_EDGE + STOPBAND_EDGE) / 2 * lowerNyquist / inputRate;
		double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * lowerNyquist / inputRate;
		// Kaiser's empirical formulas for the window length and shape that reach the stopband attenuation.
		int length = (int) Math.ceil((STOPBAND_DB - 7.95) / (2.285 * 2 * Math.PI * transition));
		int taps = length + (length & 1);
		double beta = 0.1102 * (STOPBAND_DB - 8.7);
		int half = taps / 2;
		float[] coefficients = new float[up * taps];
		for (int phase = 0; phase < up; phase++) {
			double[] row = new double[taps];
			double sum = 0;
			for (int i = 0; i < taps; i++) {
				// Tap i multiplies input sample anchor - (half - 1) + i, which lies this far before the output time.
				double t = (double) phase / up + (half - 1) - i;
				row[i] = 2 * cutoff * sinc(2 * cutoff * t) * kaiser(t / half, beta);
				sum += row[i];
			}
			// Exactly unity DC gain on every phase, so a constant input gives a constant output (no phase ripple).
			for (int i = 0; i < taps; i++) {
				coefficients[phase * taps + i] = (float) (row[i] / sum);
			}
		}
		return new PolyphaseFilter(taps, coefficients);
	}

	/** Number of input samples each output sample is computed from. */
	int taps() {
		return this.taps;
	}

	/** Output sample at fractional position {@code phase / up} after input {@code samples[first + taps/2 - 1]}. */
	float apply(float[] samples, int first, int phase) {
		float[] c = this.coefficients;
		int offset = phase * this.taps;
		// Four independent accumulators let the CPU overlap the additions instead of waiting on each one.
		float a0 = 0;
		float a1 = 0;
		float a2 = 0;
		float a3 = 0;
		int i = 0;
		for (int end = this.taps - 3; i < end; i += 4) {
			a0 += samples[first + i] * c[offset + i];
			a1 += samples[first + i + 1] * c[offset + i + 1];
			a2 += samples[first + i + 2] * c[offset + i + 2];
			a3 += samples[first + i + 3] * c[offset + i + 3];
		}
		for (; i < this.taps; i++) {
			a0 += samples[first + i] * c[offset + i];
		}
		return (a0 + a1) + (a2 + a3);
	}

	private static double sinc(double x) {
		return (x == 0) ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
	}

	private static double kaiser(double x, double beta) {
		return (Math.abs(x) >= 1) ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / besselI0(beta);
	}

	/** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta < 20). */
	private static double besselI0(double x) {
		double sum = 1;
		double term = 1;
		double quarterSquare = x * x / 4;
		for (int k = 1; term > 1e-12 * sum; k++) {
			term *= quarterSquare / ((double) k * k);
			sum += term;
		}
		return sum;
	}

}
