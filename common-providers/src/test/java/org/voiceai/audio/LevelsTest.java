package org.voiceai.audio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LevelsTest {

	@Test
	void sineHasRmsOfPeakOverRootTwo() {
		short[] sine = Signals.tone(1000, 16384, 8000, 1.0);

		Levels levels = Levels.of(sine);

		assertThat(levels.rms()).isCloseTo(16384 / Math.sqrt(2), within(1.0));
		assertThat(levels.peak()).isEqualTo(16384);
		assertThat(levels.peakDbfs()).isCloseTo(-6.02, within(0.01));
		assertThat(levels.rmsDbfs()).isCloseTo(-9.03, within(0.01));
	}

	@Test
	void fullScaleSquareWaveIsZeroDbfs() {
		short[] square = { Short.MIN_VALUE, Short.MIN_VALUE, Short.MIN_VALUE, Short.MIN_VALUE };

		Levels levels = Levels.of(square);

		assertThat(levels.peak()).isEqualTo(32768);
		assertThat(levels.rms()).isEqualTo(32768);
		assertThat(levels.rmsDbfs()).isZero();
	}

	@Test
	void silenceAndEmptyRangesAreMinusInfinity() {
		assertThat(Levels.of(new short[160]).rmsDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(Levels.of(new short[0])).isEqualTo(new Levels(0, 0));
		assertThat(Levels.ofBytes(new byte[4], 2, 0).peakDbfs()).isEqualTo(Double.NEGATIVE_INFINITY);
	}

	@Test
	void measuresARangeOfSamplesOrPcmBytes() {
		short[] samples = { 30000, 3, -4, 30000 };
		byte[] pcm = Pcm16.toBytes(samples);

		Levels fromShorts = Levels.of(samples, 1, 2);
		Levels fromBytes = Levels.ofBytes(pcm, 2, 4);

		assertThat(fromShorts.rms()).isCloseTo(Math.sqrt(12.5), within(1e-9));
		assertThat(fromShorts.peak()).isEqualTo(4);
		assertThat(fromBytes).isEqualTo(fromShorts);
	}

	@Test
	void rejectsOddByteCountsAndImpossibleLevels() {
		assertThatThrownBy(() -> Levels.ofBytes(new byte[3], 0, 3)).isInstanceOf(InvalidAudioException.class);
		assertThatIllegalArgumentException().isThrownBy(() -> new Levels(-1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Levels(0, 40000));
	}

	@Test
	void dbfsOfAnAmplitude() {
		assertThat(Levels.dbfs(32768)).isZero();
		assertThat(Levels.dbfs(3276.8)).isCloseTo(-20, within(1e-9));
	}

}
