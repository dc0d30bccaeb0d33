package org.voiceai.providers.openai;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.stt.SpeechToTextWavs;
import org.voiceai.providers.stt.Transcription;
import org.voiceai.providers.stt.TranscriptionRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code whisper_api}: OpenAI's transcription endpoint, plus what only the OpenAI-compatible class does. */
class OpenAiSpeechToTextTest extends OpenAiSpeechToTextContract {

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected OpenAiSpeechToTextVariant variant() {
		return OpenAiSpeechToTextVariant.WHISPER_API;
	}

	@Test
	void defaultsAreOpenAisAndTheKeyIsRequired() {
		OpenAiSpeechToTextFactory factory = new OpenAiSpeechToTextFactory(this.http, variant());
		OpenAiSpeechToTextSettings settings = ((OpenAiSpeechToText) factory.create(row(Map.of("api_key", API_KEY))))
			.settings();

		assertThat(factory.name()).isEqualTo("whisper_api");
		assertThat(factory.aliases()).containsExactly("openai_whisper");
		assertThat(settings.baseUrl()).hasToString("https://api.openai.com/v1");
		assertThat(settings.model()).isEqualTo("whisper-1");
		assertThat(settings.responseFormat()).isEqualTo("verbose_json");
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.toString()).doesNotContain(API_KEY).contains("apiKey=***");
		assertThatThrownBy(() -> factory.create(row(Map.of()))).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' is missing");
	}

	@Test
	void gpt4oModelsAreAskedForJsonAndTheDurationComesFromTheWav() {
		this.server.stubFor(endpoint().willReturn(okJson("""
				{"text":"Bom dia.","usage":{"type":"tokens","input_tokens":14,"output_tokens":4,"total_tokens":18,
				 "input_token_details":{"text_tokens":0,"audio_tokens":14}}}""")));
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.PCM16_8K, Duration.ofMillis(2200));

		Transcription result = transcribe(provider(Map.of("model", "gpt-4o-transcribe")), wav);

		assertThat(text(requests().get(0), "model")).isEqualTo("gpt-4o-transcribe");
		assertThat(text(requests().get(0), "response_format")).isEqualTo("json");
		assertThat(result.text()).isEqualTo("Bom dia.");
		assertThat(result.audioDuration()).isEqualTo(Duration.ofMillis(2200));
		assertThat(result.language()).isEqualTo("pt-BR");
		assertThat(result.confidence()).isNull();
	}

	@Test
	void verboseJsonIsRefusedForModelsThatOnlyAnswerJson() {
		assertThatThrownBy(
				() -> provider(Map.of("model", "gpt-4o-mini-transcribe", "response_format", "verbose_json")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'response_format'")
			.hasMessageContaining("not supported by model gpt-4o-mini-transcribe");
		assertThatThrownBy(() -> provider(Map.of("response_format", "srt")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("must be json or verbose_json");
	}

	@Test
	void withoutALanguageTheModelDetectsOneAndReportsItWithTheDuration() {
		this.server.stubFor(endpoint().willReturn(okJson("""
				{"task":"transcribe","language":"spanish","duration":1.52,"text":"Hola.","segments":[]}""")));

		Transcription result = provider().transcribe(new TranscriptionRequest(telephoneWav(), null, null))
			.block(WAIT);

		assertThat(requests().get(0).getPart("language")).isNull();
		assertThat(result.language()).isEqualTo("spanish");
		assertThat(result.audioDuration()).isEqualTo(Duration.ofMillis(1520));
	}

	@Test
	void rowLanguageAndPromptApplyUnlessTheRequestBringsItsOwn() {
		this.server.stubFor(endpoint().willReturn(success()));
		var provider = provider(Map.of("language", "es-MX", "prompt", "Acme Ltda"));

		provider.transcribe(new TranscriptionRequest(telephoneWav(), null, null)).block(WAIT);
		provider.transcribe(new TranscriptionRequest(telephoneWav(), "en_US", "Ramal 2001")).block(WAIT);

		LoggedRequest fromRow = requests().get(0);
		LoggedRequest fromRequest = requests().get(1);
		assertThat(text(fromRow, "language")).isEqualTo("es");
		assertThat(text(fromRow, "prompt")).isEqualTo("Acme Ltda");
		assertThat(text(fromRequest, "language")).isEqualTo("en");
		assertThat(text(fromRequest, "prompt")).isEqualTo("Ramal 2001");
	}

	@Test
	void muLawRecordingIsSentAs16BitPcmOfTheSameLength() {
		this.server.stubFor(endpoint().willReturn(success()));

		transcribe(provider(), SpeechToTextWavs.tone(AudioFormat.ULAW_8K, UTTERANCE));

		Wav.Audio sent = Wav.read(requests().get(0).getPart("file").getBody().asBytes());
		assertThat(sent.format()).isEqualTo(AudioFormat.PCM16_8K);
		assertThat(sent.duration()).isEqualTo(UTTERANCE);
	}

	@Test
	void stereoRecordingIsSentAsMonoAtItsOwnRate() {
		this.server.stubFor(endpoint().willReturn(success()));

		transcribe(provider(), SpeechToTextWavs.tone(new AudioFormat(AudioEncoding.PCM16, 16000, 2), UTTERANCE));

		Wav.Audio sent = Wav.read(requests().get(0).getPart("file").getBody().asBytes());
		assertThat(sent.format()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(sent.duration()).isEqualTo(UTTERANCE);
	}

	@Test
	void invalidFileFormatAnswerIsBadAudio() {
		this.server.stubFor(endpoint().willReturn(error(400, "Invalid file format. Supported formats: ['flac', 'm4a', "
				+ "'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']", "invalid_request_error", "null")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderBadAudioException.class)
			.hasMessage("whisper_api: HTTP 400: Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', "
					+ "'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']");
		assertThat(requests()).hasSize(1);
	}

	@Test
	void otherBadRequestsStayBadRequests() {
		this.server.stubFor(endpoint().willReturn(error(400, "Invalid language 'xx'. Language parameter must be "
				+ "specified in ISO-639-1 format.", "invalid_request_error", "null")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav()))
			.isExactlyInstanceOf(ProviderBadRequestException.class)
			.hasMessageContaining("Invalid language 'xx'");
	}

	@Test
	void languageIsReducedToIso639() {
		assertThat(OpenAiSpeechToText.isoLanguage("pt-BR")).isEqualTo("pt");
		assertThat(OpenAiSpeechToText.isoLanguage("pt_BR")).isEqualTo("pt");
		assertThat(OpenAiSpeechToText.isoLanguage(" EN ")).isEqualTo("en");
	}

}
