package org.voiceai.audio;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Streaming sample-rate converter for 16-bit mono audio: a band-limited polyphase FIR (Kaiser-windowed sinc, see
 * {@link PolyphaseFilter}) that keeps its filter history and phase across {@link #process} calls, so a stream cut
 * into chunks of any size converts to exactly the same samples as the whole stream at once. (Converting each chunk
 * on its own, as the reference bridge did, restarts the filter at every boundary and clicks every 20 ms.)
 *
 * <p>Output is time-aligned with the input: output sample {@code j} is the band-limited input evaluated at time
 * {@code j / outputRate}. Computing it needs half the filter's length of look-ahead, so {@link #process} holds back
 * the last 17 periods of the lower rate (2.1 ms when that is 8 kHz) until later input arrives; {@link #flush} emits
 * them at the end of the stream, after which the total output length is exactly
 * {@code round(totalInput * outputRate / inputRate)}.
 *
 * <p>One instance per stream; not thread-safe. After the first calls at a given chunk size it allocates only the
 * returned arrays (and nothing with the {@code (…, short[] output, int outputOffset)} variants).
 */
public final class Resampler {

	/** The rates every pair of which can be converted (telephony, wideband ASR, provider TTS, CD/DVD audio). */
	public static final Set<Integer> SUPPORTED_RATES = Set.of(8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000);

	private final int inputRate;

	private final int outputRate;

	/** Output per input, as the reduced fraction up / down. */
	private final int up;

	private final int down;

	/** Null for a pass-through (equal rates). */
	private final PolyphaseFilter filter;

	/** Input samples still needed (history[0] is sample historyStart), as floats so the filter converts nothing. */
	private float[] history;

	private int historyLength;

	private long historyStart;

	private long received;

	private long emitted;

	/** Input sample at or just before the next output's time, and that time's fractional position in phases. */
	private long anchor;

	private int phase;

	private Resampler(int inputRate, int outputRate) {
		this.inputRate = inputRate;
		this.outputRate = outputRate;
		int gcd = gcd(inputRate, outputRate);
		this.up = outputRate / gcd;
		this.down = inputRate / gcd;
		this.filter = (inputRate == outputRate) ? null : PolyphaseFilter.design(inputRate, outputRate, this.up);
		this.history = new float[(this.filter == null) ? 0 : 2 * this.filter.taps()];
		reset();
	}

	/**
	 * A converter from {@code inputRate} to {@code outputRate}, both among {@link #SUPPORTED_RATES}; equal rates give a
	 * pass-through. Designing the filter costs up to a few milliseconds for awkward ratios such as 11025 to 32000, so
	 * create one per stream, not per chunk.
	 */
	public static Resampler create(int inputRate, int outputRate) {
		checkRate(inputRate);
		checkRate(outputRate);
		return new Resampler(inputRate, outputRate);
	}

	/** Converts a whole signal: {@code process} then {@code flush}, exactly {@code round(n * out / in)} samples. */
	public static short[] resample(short[] input, int inputRate, int outputRate) {
		Resampler resampler = create(inputRate, outputRate);
		short[] output = new short[(int) resampler.streamLength(input.length)];
		int count = resampler.process(input, 0, input.length, output, 0);
		resampler.flush(output, count);
		return output;
	}

	public int inputRate() {
		return this.inputRate;
	}

	public int outputRate() {
		return this.outputRate;
	}

	/** Converts the next chunk of the stream (any length, even 0) and returns the output it makes available. */
	public short[] process(short[] input) {
		short[] output = new short[outputLength(input.length)];
		process(input, 0, input.length, output, 0);
		return output;
	}

	/**
	 * How many samples {@link #process} will return for the next {@code inputLength} input samples; use it to size
	 * the output array of the allocation-free variant.
	 */
	public int outputLength(int inputLength) {
		if (inputLength < 0) {
			throw new IllegalArgumentException("negative input length: " + inputLength);
		}
		if (this.filter == null) {
			return inputLength;
		}
		// Output j can be computed once input anchor(j) + taps/2 has arrived, where anchor(j) = floor(j * down / up).
		long limit = this.received + inputLength - this.filter.taps() / 2;
		long available = (limit <= 0) ? 0 : (limit * this.up + this.down - 1) / this.down;
		return (int) Math.max(0, available - this.emitted);
	}

	/**
	 * Converts {@code length} samples of {@code input} from {@code offset} into {@code output} from
	 * {@code outputOffset}, which must have room for {@link #outputLength outputLength(length)} samples.
	 * @return the number of samples written
	 */
	public int process(short[] input, int offset, int length, short[] output, int outputOffset) {
		Objects.checkFromIndexSize(offset, length, input.length);
		int count = outputLength(length);
		Objects.checkFromIndexSize(outputOffset, count, output.length);
		if (this.filter == null) {
			System.arraycopy(input, offset, output, outputOffset, length);
			return length;
		}
		float[] samples = room(length);
		for (int i = 0; i < length; i++) {
			samples[this.historyLength + i] = input[offset + i];
		}
		this.historyLength += length;
		this.received += length;
		convert(output, outputOffset, count);
		return count;
	}

	/**
	 * Ends the stream: returns the output held back for look-ahead (computed as if silence followed) and resets the
	 * converter, so it can start a new stream.
	 */
	public short[] flush() {
		short[] output = new short[flushLength()];
		flush(output, 0);
		return output;
	}

	/**
	 * {@link #flush()} into {@code output} from {@code outputOffset}, which must have room for the tail.
	 * @return the number of samples written
	 */
	public int flush(short[] output, int outputOffset) {
		if (this.filter == null) {
			return 0;
		}
		int count = flushLength();
		Objects.checkFromIndexSize(outputOffset, count, output.length);
		if (count > 0) {
			long lastAnchor = (this.emitted + count - 1) * this.down / this.up;
			int silence = (int) Math.max(0, lastAnchor + this.filter.taps() / 2 - (this.received - 1));
			float[] samples = room(silence);
			Arrays.fill(samples, this.historyLength, this.historyLength + silence, 0);
			this.historyLength += silence;
			convert(output, outputOffset, count);
		}
		reset();
		return count;
	}

	private int flushLength() {
		return (int) (streamLength(this.received) - this.emitted);
	}

	/** Total output of a stream of {@code inputLength} samples: the exact rate ratio, rounded to nearest. */
	private long streamLength(long inputLength) {
		return (2 * inputLength * this.up + this.down) / (2L * this.down);
	}

	private void convert(short[] output, int outputOffset, int count) {
		// Locals rather than fields in the loop: this runs for every output sample.
		PolyphaseFilter filter = this.filter;
		float[] samples = this.history;
		int up = this.up;
		int whole = this.down / up;
		int fraction = this.down % up;
		int phase = this.phase;
		int first = (int) (this.anchor - (filter.taps() / 2 - 1) - this.historyStart);
		for (int k = 0; k < count; k++) {
			output[outputOffset + k] = toSample(filter.apply(samples, first, phase));
			first += whole;
			phase += fraction;
			if (phase >= up) {
				phase -= up;
				first++;
			}
		}
		this.anchor = this.historyStart + first + (filter.taps() / 2 - 1);
		this.phase = phase;
		this.emitted += count;
	}

	/**
	 * Drops history the next output no longer needs and makes room for {@code extra} more samples after it.
	 * @return the history array to append to, at {@code historyLength}
	 */
	private float[] room(int extra) {
		long keepFrom = this.anchor - (this.filter.taps() / 2 - 1);
		int drop = (int) Math.min(keepFrom - this.historyStart, this.historyLength);
		if (drop > 0) {
			System.arraycopy(this.history, drop, this.history, 0, this.historyLength - drop);
			this.historyLength -= drop;
			this.historyStart += drop;
		}
		if (this.historyLength + extra > this.history.length) {
			this.history = Arrays.copyOf(this.history, Math.max(2 * this.history.length, this.historyLength + extra));
		}
		return this.history;
	}

	private void reset() {
		this.received = 0;
		this.emitted = 0;
		this.anchor = 0;
		this.phase = 0;
		if (this.filter != null) {
			// The stream starts after silence: the first outputs look back half a kernel before sample 0.
			this.historyLength = this.filter.taps() / 2 - 1;
			this.historyStart = -this.historyLength;
			Arrays.fill(this.history, 0, this.historyLength, 0);
		}
	}

	private static short toSample(float value) {
		int rounded = Math.round(value);
		return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
	}

	private static void checkRate(int rate) {
		if (!SUPPORTED_RATES.contains(rate)) {
			throw new IllegalArgumentException("unsupported sample rate " + rate + " Hz; supported: "
					+ SUPPORTED_RATES.stream().sorted().toList());
		}
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

}
