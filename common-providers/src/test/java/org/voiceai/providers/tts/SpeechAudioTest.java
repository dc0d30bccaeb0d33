package org.voiceai.providers.tts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Wav;
import org.voiceai.providers.error.ProviderUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one step from whatever a provider answered to the WAV FreeSWITCH plays. */
class SpeechAudioTest {

	static final MediaType WAV = MediaType.parseMediaType("audio/wav");

	@Test
	void stereoIsMixedToMonoAtTheSameRate() {
		short[] stereo = { 1000, 3000, -2000, -4000, 10, 20 };
		byte[] wav = Wav.write(new AudioFormat(AudioEncoding.PCM16, 16000, 2), Pcm16.toBytes(stereo));

		SynthesizedAudio audio = SpeechAudio.fromWav("p", new SpeechAudio.Body(WAV, wav), 16000);

		Wav.Audio result = Wav.read(audio.wav());
		assertThat(result.format()).isEqualTo(new AudioFormat(AudioEncoding.PCM16, 16000, 1));
		assertThat(Pcm16.toShorts(result.samples())).containsExactly(2000, -3000, 15);
		assertThat(audio.provider()).isEqualTo("p");
	}

	@Test
	void otherRatesAreResampledToTheRequestedOneAndDurationFollowsTheSamples() {
		short[] second = new short[22_050];
		byte[] wav = Wav.write(new AudioFormat(AudioEncoding.PCM16, 22_050, 1), Pcm16.toBytes(second));

		SynthesizedAudio audio = SpeechAudio.fromWav("p", new SpeechAudio.Body(null, wav), 8000);

		assertThat(Wav.read(audio.wav()).samples()).hasSize(2 * 8000);
		assertThat(audio.sampleRate()).isEqualTo(8000);
		assertThat(audio.duration()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void rawPcmWithAnOddTrailingByteKeepsTheWholeSamples() {
		byte[] pcm = { 1, 0, 2, 0, 7 };

		SynthesizedAudio audio = SpeechAudio.fromPcm16("p", new SpeechAudio.Body(null, pcm), 8000, 8000);

		assertThat(Pcm16.toShorts(Wav.read(audio.wav()).samples())).containsExactly(1, 2);
		assertThat(audio.duration()).isEqualTo(Duration.ofNanos(250_000));
	}

	@Test
	void rawPcmDeclaredAsTextOrJsonIsNotAudio() {
		for (String type : new String[] { "application/json", "text/plain;charset=UTF-8", "application/problem+json",
				"text/html" }) {
			SpeechAudio.Body body = new SpeechAudio.Body(MediaType.parseMediaType(type), "{\"error\":1}".getBytes());

			assertThatThrownBy(() -> SpeechAudio.fromPcm16("p", body, 24_000, 8000))
				.isInstanceOf(ProviderUnavailableException.class)
				.hasMessageContaining("not audio")
				.hasMessageContaining(MediaType.parseMediaType(type).toString());
		}
	}

	@Test
	void emptyAnswersAreNotAudio() {
		assertThatThrownBy(() -> SpeechAudio.fromPcm16("p", new SpeechAudio.Body(null, new byte[1]), 8000, 8000))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("no audio samples");
		assertThatThrownBy(() -> SpeechAudio.fromWav("p", new SpeechAudio.Body(WAV, new byte[0]), 8000))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("empty audio");
	}

	@Test
	void wavThatIsNotPcmOrAtARateWeCannotConvertIsUnavailable() {
		byte[] ulaw = Wav.write(AudioFormat.ULAW_8K, new byte[160]);
		byte[] odd = Wav.write(new AudioFormat(AudioEncoding.PCM16, 12_000, 1), new byte[240]);

		assertThatThrownBy(() -> SpeechAudio.fromWav("p", new SpeechAudio.Body(WAV, ulaw), 8000))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("ULAW");
		assertThatThrownBy(() -> SpeechAudio.fromWav("p", new SpeechAudio.Body(WAV, odd), 8000))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("12000 Hz");
	}

	@Test
	void resamplingThatLeavesNoSampleIsUnavailable() {
		byte[] oneSample = { 5, 0 };

		assertThatThrownBy(() -> SpeechAudio.fromPcm16("p", new SpeechAudio.Body(null, oneSample), 48_000, 8000))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("no audio samples");
	}

}
