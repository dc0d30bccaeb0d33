package org.voiceai.audio;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Byte rates and durations of raw audio. */
class AudioFormatTest {

	@Test
	void bytesPerSecondOfTheCommonFormats() {
		assertThat(AudioFormat.PCM16_8K.bytesPerSecond()).isEqualTo(16000);
		assertThat(AudioFormat.PCM16_16K.bytesPerSecond()).isEqualTo(32000);
		assertThat(AudioFormat.PCM16_24K.bytesPerSecond()).isEqualTo(48000);
		assertThat(AudioFormat.ULAW_8K.bytesPerSecond()).isEqualTo(8000);
		assertThat(AudioFormat.ALAW_8K.bytesPerSecond()).isEqualTo(8000);
	}

	@Test
	void bytesPerSecondCountsEveryChannel() {
		assertThat(new AudioFormat(AudioEncoding.PCM16, 8000, 2).bytesPerSecond()).isEqualTo(32000);
		assertThat(new AudioFormat(AudioEncoding.ULAW, 8000, 2).bytesPerSecond()).isEqualTo(16000);
	}

	@Test
	void twentyMillisecondFramesOfTelephonyAudio() {
		assertThat(AudioFormat.PCM16_8K.duration(320)).isEqualTo(Duration.ofMillis(20));
		assertThat(AudioFormat.ULAW_8K.duration(160)).isEqualTo(Duration.ofMillis(20));
		assertThat(AudioFormat.PCM16_16K.duration(640)).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void durationIsExactBelowAMillisecondAndOverLongRecordings() {
		assertThat(AudioFormat.PCM16_8K.duration(0)).isEqualTo(Duration.ZERO);
		assertThat(AudioFormat.PCM16_8K.duration(1)).isEqualTo(Duration.ofNanos(62_500));
		assertThat(AudioFormat.PCM16_8K.duration(16000L * 3600)).isEqualTo(Duration.ofHours(1));
		assertThat(AudioFormat.PCM16_24K.duration(48000L * 90)).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void encodingsKnowTheirSampleSize() {
		assertThat(AudioEncoding.PCM16.bytesPerSample()).isEqualTo(2);
		assertThat(AudioEncoding.ULAW.bytesPerSample()).isEqualTo(1);
		assertThat(AudioEncoding.ALAW.bytesPerSample()).isEqualTo(1);
	}

	@Test
	void missingEncodingIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioFormat(null, 8000, 1))
			.withMessage("encoding is required");
	}

	@Test
	void nonPositiveSampleRateOrChannelsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioFormat(AudioEncoding.PCM16, 0, 1))
			.withMessage("sample rate and channels must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioFormat(AudioEncoding.PCM16, -8000, 1))
			.withMessage("sample rate and channels must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioFormat(AudioEncoding.ULAW, 8000, 0))
			.withMessage("sample rate and channels must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> new AudioFormat(AudioEncoding.ULAW, 8000, -1))
			.withMessage("sample rate and channels must be positive");
	}

	@Test
	void formatsWithTheSameValuesAreEqual() {
		assertThat(new AudioFormat(AudioEncoding.PCM16, 8000, 1)).isEqualTo(AudioFormat.PCM16_8K)
			.isNotEqualTo(AudioFormat.PCM16_16K);
	}

}
