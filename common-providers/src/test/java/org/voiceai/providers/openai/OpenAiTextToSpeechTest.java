package org.voiceai.providers.openai;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;

import org.voiceai.audio.Pcm16;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;
import org.voiceai.providers.tts.Voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code openai_tts} against a fake of {@code POST /v1/audio/speech} answering raw 24 kHz PCM. */
class OpenAiTextToSpeechTest extends TextToSpeechContract {

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new OpenAiTextToSpeechFactory(this.http);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("api_key", API_KEY, "base_url", fakeUrl + "/v1", "voice", "coral");
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathEqualTo("/v1/audio/speech"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		return postRequestedFor(urlPathEqualTo("/v1/audio/speech"))
			.withHeader("Authorization", equalTo("Bearer " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(String.format(Locale.ROOT, """
					{"model": "gpt-4o-mini-tts", "input": "%s", "voice": "coral", "response_format": "pcm",
					 "speed": %s}""", request.text(), request.speed())));
	}

	@Override
	protected int answerRate(int sampleRate) {
		return 24_000;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		return aResponse().withStatus(200).withHeader("Content-Type", "audio/pcm").withBody(Pcm16.toBytes(samples));
	}

	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		String type = (status >= 500) ? "server_error" : "invalid_request_error";
		String code = switch (status) {
			case 401 -> "invalid_api_key";
			case 429 -> "rate_limit_exceeded";
			default -> null;
		};
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
					+ ((code != null) ? "\"" + code + "\"" : "null") + "}}");
	}

	@Override
	protected String longestText() {
		return "a".repeat(4096);
	}

	@Override
	protected double minSpeed() {
		return 0.25;
	}

	@Override
	protected double maxSpeed() {
		return 4.0;
	}

	@Test
	void requestVoiceOverridesConfiguredVoiceAndInstructionsAreSentToGptModels() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(24_000, 100), 24_000)));
		Map<String, Object> config = new HashMap<>(config(fakeUrl()));
		config.put("instructions", "Fale com calma.");

		provider(config).synthesize(new SpeechRequest(TEXT, "marin", "pt-BR", 1.0, 8000)).block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/v1/audio/speech")).withRequestBody(equalToJson("""
				{"model": "gpt-4o-mini-tts", "input": "%s", "voice": "marin", "response_format": "pcm", "speed": 1.0,
				 "instructions": "Fale com calma."}""".formatted(TEXT))));
	}

	@Test
	void instructionsAreLeftOutForTts1WhichRefusesThem() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(24_000, 100), 24_000)));
		Map<String, Object> config = new HashMap<>(config(fakeUrl()));
		config.put("model", "tts-1-hd");
		config.put("instructions", "Fale com calma.");

		provider(config).synthesize(request(TEXT, 1.0, 8000)).block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/v1/audio/speech")).withRequestBody(equalToJson("""
				{"model": "tts-1-hd", "input": "%s", "voice": "coral", "response_format": "pcm", "speed": 1.0}"""
			.formatted(TEXT))));
	}

	@Test
	void voicesAreOpenAisBuiltInVoicesWhateverTheLanguage() {
		assertThat(provider().voices("pt-BR").map(Voice::id).collectList().block(WAIT)).containsExactly("alloy", "ash",
				"ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse", "marin", "cedar");
		assertThat(provider().voices(null).blockFirst(WAIT)).isEqualTo(new Voice("alloy", "Alloy", null, null));
	}

	@Test
	void defaultsAreTheDocumentedOnesAndTheKeyIsRequired() {
		OpenAiTextToSpeechSettings settings = OpenAiTextToSpeechSettings.from(rowConfig(Map.of("api_key", API_KEY)));

		assertThat(settings.baseUrl()).hasToString("https://api.openai.com/v1");
		assertThat(settings.model()).isEqualTo("gpt-4o-mini-tts");
		assertThat(settings.voice()).isEqualTo("nova");
		assertThat(settings.timeout()).hasSeconds(30);
		assertThat(settings.toString()).doesNotContain(API_KEY);
		assertThatThrownBy(() -> provider(Map.of("base_url", "http://127.0.0.1:1")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("api_key");
	}

}
