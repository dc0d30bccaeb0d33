package org.voiceai.providers.deepgram;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code deepgram_aura} against a fake of {@code POST /v1/speak} answering linear16 in a WAV container. */
class DeepgramTextToSpeechTest extends TextToSpeechContract {

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new DeepgramTextToSpeechFactory(this.http);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("api_key", API_KEY, "base_url", fakeUrl);
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathEqualTo("/v1/speak"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		String model = (request.voice() != null) ? request.voice() : "aura-2-thalia-en";
		return postRequestedFor(urlPathEqualTo("/v1/speak")).withQueryParam("model", equalTo(model))
			.withQueryParam("encoding", equalTo("linear16"))
			.withQueryParam("sample_rate", equalTo(String.valueOf(request.sampleRate())))
			.withQueryParam("container", equalTo("wav"))
			.withQueryParam("speed", (request.speed() == 1.0) ? absent() : equalTo(String.valueOf(request.speed())))
			.withHeader("Authorization", equalTo("Token " + API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"text\": \"" + request.text() + "\"}"));
	}

	@Override
	protected int answerRate(int sampleRate) {
		return sampleRate;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		return aResponse().withStatus(200).withHeader("Content-Type", "audio/wav").withBody(wav(samples, rate));
	}

	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		String code = switch (status) {
			case 401 -> "INVALID_AUTH";
			case 429 -> "TOO_MANY_REQUESTS";
			default -> "INTERNAL_SERVER_ERROR";
		};
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"err_code\":\"" + code + "\",\"err_msg\":\"" + message
					+ "\",\"request_id\":\"5d9a6f1e-4f5b-4a43-9c7e-2a1b3c4d5e6f\"}");
	}

	@Override
	protected String longestText() {
		return "a".repeat(2000);
	}

	@Override
	protected double minSpeed() {
		return 0.7;
	}

	@Override
	protected double maxSpeed() {
		return 1.5;
	}

	@Test
	void requestVoiceIsTheAuraModelAndASpeedIsSentWhenNotNormal() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(16_000, 100), 16_000)));
		SpeechRequest request = new SpeechRequest(TEXT, "aura-2-luna-en", "en-US", 0.9, 16000);

		provider().synthesize(request).block(WAIT);

		this.fake.verify(1, expectedRequest(request));
		assertThat(this.fake.getAllServeEvents().get(0).getRequest().queryParameter("speed").firstValue())
			.isEqualTo("0.9");
	}

	@Test
	void defaultsAreTheDocumentedOnes() {
		DeepgramTextToSpeechSettings settings = DeepgramTextToSpeechSettings
			.from(rowConfig(Map.of("api_key", API_KEY)));

		assertThat(settings.baseUrl()).hasToString("https://api.deepgram.com");
		assertThat(settings.model()).isEqualTo("aura-2-thalia-en");
		assertThat(settings.timeout()).hasSeconds(30);
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

}
