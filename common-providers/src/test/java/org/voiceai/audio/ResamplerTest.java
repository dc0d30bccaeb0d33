package org.voiceai.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ResamplerTest {

	private static final int[] RATES = { 8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000 };

	static Stream<Arguments> everyRatePair() {
		List<Arguments> pairs = new ArrayList<>();
		for (int in : RATES) {
			for (int out : RATES) {
				pairs.add(Arguments.of(in, out));
			}
		}
		return pairs.stream();
	}

	static Stream<Arguments> telephonyRatePairs() {
		return Stream.of(Arguments.of(8000, 16000), Arguments.of(16000, 8000), Arguments.of(24000, 8000),
				Arguments.of(24000, 16000), Arguments.of(22050, 16000), Arguments.of(48000, 8000),
				Arguments.of(8000, 48000), Arguments.of(44100, 8000), Arguments.of(8000, 11025),
				Arguments.of(11025, 32000));
	}

	@ParameterizedTest
	@MethodSource("everyRatePair")
	void outputLengthIsTheExactRatioRoundedForEveryLength(int in, int out) {
		for (int length : new int[] { 0, 1, 2, 3, 5, 79, 80, 160, 441, 1000, 4410 }) {
			long expected = Math.round((double) length * out / in);

			assertThat(Resampler.resample(new short[length], in, out)).as("%d samples %d->%d", length, in, out)
				.hasSize((int) expected);
		}
	}

	@ParameterizedTest
	@MethodSource("telephonyRatePairs")
	void chunkedStreamEqualsOneShotSampleForSample(int in, int out) {
		short[] signal = Signals.noise(20000, in / 2, 42);
		short[] whole = Resampler.resample(signal, in, out);
		Random random = new Random(in * 31L + out);

		for (int round = 0; round < 3; round++) {
			Resampler resampler = Resampler.create(in, out);
			short[] chunked = new short[whole.length];
			int written = 0;
			for (int position = 0; position < signal.length;) {
				int size = Math.min(1 + random.nextInt(500), signal.length - position);
				short[] chunk = Arrays.copyOfRange(signal, position, position + size);
				short[] converted = resampler.process(chunk);
				System.arraycopy(converted, 0, chunked, written, converted.length);
				written += converted.length;
				position += size;
			}
			short[] tail = resampler.flush();
			System.arraycopy(tail, 0, chunked, written, tail.length);

			assertThat(written + tail.length).isEqualTo(whole.length);
			assertThat(chunked).isEqualTo(whole);
		}
	}

	@ParameterizedTest
	@MethodSource("telephonyRatePairs")
	void aToneInThePassbandKeepsItsAmplitudePhaseAndShape(int in, int out) {
		double frequency = 1000;
		double amplitude = 16000;
		short[] output = Resampler.resample(Signals.tone(frequency, amplitude, in, 1.0), in, out);
		short[] ideal = Signals.tone(frequency, amplitude, out, 1.0);
		// Skip the start and end, where the input begins and ends abruptly.
		int from = out / 20;
		int to = output.length - out / 20;

		double gainDb = Signals.db(Signals.amplitudeAt(output, from, to, frequency, out) / amplitude);

		assertThat(gainDb).isCloseTo(0, within(0.5));
		assertThat(Signals.correlation(output, ideal, from, to)).isGreaterThan(0.9999);
		// Time-aligned: the output matches the ideal tone sample for sample, with no group delay.
		for (int i = from; i < to; i++) {
			assertThat((double) output[i]).as("sample %d", i).isCloseTo(ideal[i], within(amplitude * 0.005));
		}
	}

	@Test
	void upAndDownAgainReturnsTheOriginalTone() {
		short[] original = Signals.tone(1000, 16000, 8000, 1.0);

		short[] back = Resampler.resample(Resampler.resample(original, 8000, 16000), 16000, 8000);

		assertThat(back).hasSameSizeAs(original);
		double gainDb = Signals.db(Signals.amplitudeAt(back, 400, 7600, 1000, 8000) / 16000);
		assertThat(gainDb).isCloseTo(0, within(0.5));
		assertThat(Signals.correlation(back, original, 400, 7600)).isGreaterThan(0.9999);
	}

	@Test
	void aToneAboveTheOutputNyquistDoesNotAlias() {
		short[] tone = Signals.tone(6000, 32000, 16000, 1.0);

		short[] output = Resampler.resample(tone, 16000, 8000);

		// A 6 kHz tone sampled at 8 kHz would alias to 2 kHz.
		int from = 400;
		int to = output.length - 400;
		assertThat(Signals.dbfs(Signals.amplitudeAt(output, from, to, 2000, 8000))).isLessThan(-50);
		assertThat(Signals.dbfs(Signals.rms(output, from, to))).isLessThan(-50);
	}

	@ParameterizedTest
	@MethodSource("telephonyRatePairs")
	void nothingFoldsIntoThePassband(int in, int out) {
		// The stopband starts at 115 % of the lower Nyquist frequency: whatever lies there would alias (downsampling)
		// or mirror (upsampling) into the passband, below 85 %.
		double nyquist = Math.min(in, out) / 2.0;
		int margin = out / 50;
		if (in > out) {
			for (double frequency : new double[] { nyquist * 1.16, nyquist * 1.5, in / 2.0 * 0.98 }) {
				short[] output = Resampler.resample(Signals.tone(frequency, 32000, in, 0.5), in, out);

				assertThat(Signals.dbfs(Signals.rms(output, margin, output.length - margin)))
					.as("%.0f Hz, %d->%d", frequency, in, out)
					.isLessThan(-70);
			}
		}
		else {
			double frequency = nyquist * 0.84;
			short[] output = Resampler.resample(Signals.tone(frequency, 32000, in, 0.5), in, out);
			double image = in - frequency;

			assertThat(Signals.dbfs(Signals.amplitudeAt(output, margin, output.length - margin, image, out)))
				.as("image at %.0f Hz, %d->%d", image, in, out)
				.isLessThan(-70);
		}
	}

	@Test
	void passbandIsFlatUpToThreePointFourKilohertzAtEightKilohertz() {
		for (double frequency : new double[] { 100, 300, 1000, 2000, 3000, 3400 }) {
			short[] output = Resampler.resample(Signals.tone(frequency, 16000, 16000, 1.0), 16000, 8000);

			double gainDb = Signals.db(Signals.amplitudeAt(output, 400, 7600, frequency, 8000) / 16000);

			assertThat(gainDb).as("%.0f Hz", frequency).isCloseTo(0, within(0.1));
		}
	}

	@Test
	void noiseThatWouldAliasIntoThePassbandIsRemoved() {
		// 4.6 to 7.95 kHz: sampled at 8 kHz, all of it would fold back into 0.05-3.4 kHz.
		short[] noise = Signals.bandNoise(4600, 7950, 30000, 16000, 1.0, 11);

		short[] output = Resampler.resample(noise, 16000, 8000);

		double inputRms = Signals.rms(noise, 0, noise.length);
		assertThat(Signals.db(Signals.rms(output, 400, output.length - 400) / inputRms)).isLessThan(-70);
	}

	@Test
	void noiseInThePassbandPassesUnchanged() {
		// 50 Hz to 3.4 kHz, the telephone band, going 16 kHz -> 8 kHz -> 16 kHz.
		short[] noise = Signals.bandNoise(50, 3400, 20000, 16000, 1.0, 12);

		short[] back = Resampler.resample(Resampler.resample(noise, 16000, 8000), 8000, 16000);

		double errorRms = 0;
		for (int i = 800; i < noise.length - 800; i++) {
			errorRms += Math.pow(back[i] - noise[i], 2);
		}
		errorRms = Math.sqrt(errorRms / (noise.length - 1600));
		assertThat(Signals.db(errorRms / Signals.rms(noise, 800, noise.length - 800))).isLessThan(-60);
	}

	@Test
	void upsamplingLeavesNoImages() {
		short[] tone = Signals.tone(3000, 32000, 8000, 1.0);

		short[] output = Resampler.resample(tone, 8000, 16000);

		// Zero-stuffing to 16 kHz would mirror 3 kHz to 5 kHz.
		assertThat(Signals.dbfs(Signals.amplitudeAt(output, 800, 15200, 5000, 16000))).isLessThan(-70);
		assertThat(Signals.db(Signals.amplitudeAt(output, 800, 15200, 3000, 16000) / 32000)).isCloseTo(0,
				within(0.5));
	}

	@Test
	void constantInputGivesTheSameConstantOutput() {
		short[] dc = new short[16000];
		Arrays.fill(dc, (short) 1234);

		for (int[] pair : new int[][] { { 16000, 8000 }, { 16000, 44100 }, { 16000, 22050 } }) {
			short[] output = Resampler.resample(dc, pair[0], pair[1]);
			for (int i = pair[1] / 100; i < output.length - pair[1] / 100; i++) {
				assertThat(output[i]).isEqualTo((short) 1234);
			}
		}
	}

	@Test
	void fullScaleSquareWaveClipsInsteadOfWrappingAround() {
		short[] square = new short[1600];
		for (int i = 0; i < square.length; i++) {
			square[i] = ((i / 40) % 2 == 0) ? Short.MAX_VALUE : Short.MIN_VALUE;
		}

		short[] output = Resampler.resample(square, 16000, 8000);

		// The overshoot (Gibbs) exceeds full scale; wrap-around would flip the sign in the middle of each half period.
		for (int i = 10; i < output.length - 10; i++) {
			int positionInPeriod = (2 * i) % 80;
			if (positionInPeriod > 10 && positionInPeriod < 30) {
				assertThat(output[i]).isGreaterThan((short) 20000);
			}
			if (positionInPeriod > 50 && positionInPeriod < 70) {
				assertThat(output[i]).isLessThan((short) -20000);
			}
		}
		assertThat(output).contains(Short.MAX_VALUE, Short.MIN_VALUE);
	}

	@Test
	void flushEndsTheStreamAndTheResamplerCanStartAgain() {
		short[] signal = Signals.noise(10000, 999, 7);
		Resampler resampler = Resampler.create(24000, 16000);
		short[] first = concat(resampler.process(signal), resampler.flush());

		short[] second = concat(resampler.process(signal), resampler.flush());

		assertThat(first).hasSize(666).isEqualTo(second).isEqualTo(Resampler.resample(signal, 24000, 16000));
		assertThat(resampler.flush()).isEmpty();
	}

	@Test
	void holdsBackAboutTwoMillisecondsAtTelephonyRates() {
		for (int[] pair : new int[][] { { 8000, 16000 }, { 16000, 8000 }, { 24000, 8000 }, { 48000, 8000 } }) {
			Resampler resampler = Resampler.create(pair[0], pair[1]);

			int emitted = resampler.process(new short[pair[0] / 50]).length;

			double heldBackMs = 20.0 - 1000.0 * emitted / pair[1];
			assertThat(heldBackMs).as("%d->%d", pair[0], pair[1]).isBetween(1.8, 2.4);
			assertThat(emitted + resampler.flush().length).isEqualTo(pair[1] / 50);
		}
	}

	@Test
	void allocationFreeVariantWritesIntoTheCallersArray() {
		short[] signal = Signals.noise(10000, 3200, 3);
		short[] expected = Resampler.resample(signal, 16000, 8000);
		Resampler resampler = Resampler.create(16000, 8000);
		short[] output = new short[expected.length + 10];
		int written = 0;

		for (int position = 0; position < signal.length; position += 320) {
			int count = resampler.outputLength(320);
			assertThat(resampler.process(signal, position, 320, output, written)).isEqualTo(count);
			written += count;
		}
		written += resampler.flush(output, written);

		assertThat(written).isEqualTo(expected.length);
		assertThat(Arrays.copyOf(output, written)).isEqualTo(expected);
	}

	@Test
	void equalRatesPassThroughUnchanged() {
		short[] signal = Signals.noise(30000, 500, 1);
		Resampler resampler = Resampler.create(16000, 16000);

		short[] output = resampler.process(signal);

		assertThat(output).isEqualTo(signal).isNotSameAs(signal);
		assertThat(resampler.flush()).isEmpty();
		assertThat(Resampler.resample(signal, 8000, 8000)).isEqualTo(signal);
	}

	@Test
	void reportsItsRatesAndRejectsUnsupportedOnes() {
		Resampler resampler = Resampler.create(22050, 16000);

		assertThat(resampler.inputRate()).isEqualTo(22050);
		assertThat(resampler.outputRate()).isEqualTo(16000);
		assertThatIllegalArgumentException().isThrownBy(() -> Resampler.create(12345, 8000))
			.withMessageContaining("12345");
		assertThatIllegalArgumentException().isThrownBy(() -> Resampler.create(8000, 0));
	}

	@Test
	void doesNotModifyItsInput() {
		short[] signal = Signals.noise(10000, 1000, 5);
		short[] copy = signal.clone();

		Resampler.resample(signal, 8000, 24000);

		assertThat(signal).isEqualTo(copy);
	}

	private static short[] concat(short[] a, short[] b) {
		short[] joined = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

}
