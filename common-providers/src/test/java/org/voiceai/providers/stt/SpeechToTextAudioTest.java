package org.voiceai.providers.stt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderBadAudioException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validation and conversion of the audio handed to speech-to-text providers. */
class SpeechToTextAudioTest {

	@Test
	void invalidWavIsBadAudioNamingTheProvider() {
		assertThatThrownBy(() -> SpeechToTextAudio.read("deepgram", new byte[0]))
			.isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("deepgram: empty audio");
		assertThatThrownBy(() -> SpeechToTextAudio.read("deepgram", "RIFF....WAVEfmt ".getBytes()))
			.isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("deepgram: WAV has no fmt chunk");
	}

	@Test
	void formatAndDurationComeFromTheWav() {
		SpeechToTextAudio audio = SpeechToTextAudio.read("x",
				SpeechToTextWavs.tone(AudioFormat.ULAW_8K, Duration.ofMillis(1250)));

		assertThat(audio.format()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(audio.duration()).isEqualTo(Duration.ofMillis(1250));
		assertThat(audio.pcm16Mono()).isEqualTo(AudioFormat.PCM16_8K);
	}

	@Test
	void audioInTheWantedFormatIsPassedThroughUntouched() {
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.PCM16_8K, Duration.ofMillis(200));
		SpeechToTextAudio audio = SpeechToTextAudio.read("x", wav);

		assertThat(audio.wav(AudioFormat.PCM16_8K)).isSameAs(wav);
		assertThat(audio.samples(AudioFormat.PCM16_8K)).isEqualTo(Wav.read(wav).samples());
	}

	@Test
	void muLawAndALawAreDecodedByTheG711Tables() {
		// μ-law 0x00/0x80 are the extremes, 0xFF is zero; A-law 0xD5/0x55 are ±8, 0xAA/0x2A the extremes.
		assertThat(decoded(AudioFormat.ULAW_8K, 0x00, 0x80, 0xFF)).containsExactly(-32124, 32124, 0);
		assertThat(decoded(AudioFormat.ALAW_8K, 0xD5, 0x55, 0xAA, 0x2A)).containsExactly(8, -8, 32256, -32256);
	}

	@Test
	void stereoIsMixedToMono() {
		ByteBuffer stereo = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 100; i++) {
			stereo.putShort((short) 1000).putShort((short) 3000);
		}
		SpeechToTextAudio audio = SpeechToTextAudio.read("x",
				Wav.write(new AudioFormat(AudioEncoding.PCM16, 8000, 2), stereo.array()));

		short[] mono = shorts(audio.samples(AudioFormat.PCM16_8K));

		assertThat(mono).hasSize(100).containsOnly((short) 2000);
	}

	@Test
	void upsamplingKeepsTheLengthAndTheLevel() {
		SpeechToTextAudio audio = SpeechToTextAudio.read("x",
				SpeechToTextWavs.tone(AudioFormat.ULAW_8K, Duration.ofMillis(500)));

		byte[] wav = audio.wav(AudioFormat.PCM16_16K);

		Wav.Audio converted = Wav.read(wav);
		assertThat(converted.format()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(converted.duration()).isEqualTo(Duration.ofMillis(500));
		short peak = 0;
		for (short sample : shorts(converted.samples())) {
			peak = (short) Math.max(peak, Math.abs(sample));
		}
		// The tone's amplitude is 8000; G.711 and interpolation move it by a few percent at most.
		assertThat((int) peak).isBetween(7600, 8400);
	}

	@Test
	void onlyPcm16IsAConversionTarget() {
		SpeechToTextAudio audio = SpeechToTextAudio.read("x",
				SpeechToTextWavs.tone(AudioFormat.PCM16_8K, Duration.ofMillis(100)));

		assertThatThrownBy(() -> audio.samples(AudioFormat.ULAW_8K)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void durationLimitIsInclusive() {
		SpeechToTextAudio audio = SpeechToTextAudio.read("azure_speech",
				SpeechToTextWavs.tone(AudioFormat.ULAW_8K, Duration.ofSeconds(3)));

		assertThat(audio.requireAtMost(Duration.ofSeconds(3))).isSameAs(audio);
		assertThatThrownBy(() -> audio.requireAtMost(Duration.ofMillis(2999)))
			.isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("azure_speech: audio is 3.0 s long; this provider accepts at most 3.0 s per request");
	}

	private static short[] decoded(AudioFormat format, int... codes) {
		byte[] samples = new byte[codes.length];
		for (int i = 0; i < codes.length; i++) {
			samples[i] = (byte) codes[i];
		}
		return shorts(SpeechToTextAudio.read("x", Wav.write(format, samples)).samples(AudioFormat.PCM16_8K));
	}

	private static short[] shorts(byte[] pcm) {
		short[] values = new short[pcm.length / 2];
		ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(values);
		return values;
	}

}
