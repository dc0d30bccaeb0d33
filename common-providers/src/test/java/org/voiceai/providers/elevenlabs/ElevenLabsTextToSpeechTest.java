package org.voiceai.providers.elevenlabs;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.voiceai.audio.Pcm16;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;
import org.voiceai.providers.tts.Voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code elevenlabs} against a fake of {@code POST /v1/text-to-speech/{voice_id}} answering raw PCM. */
class ElevenLabsTextToSpeechTest extends TextToSpeechContract {

	static final String VOICE_ID = "pNInz6obpgDQGcFmaJgB";

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new ElevenLabsTextToSpeechFactory(this.http);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("api_key", API_KEY, "base_url", fakeUrl, "voice_id", VOICE_ID);
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathMatching("/v1/text-to-speech/[^/]+"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		return postRequestedFor(urlPathEqualTo("/v1/text-to-speech/" + VOICE_ID))
			.withQueryParam("output_format", equalTo("pcm_" + request.sampleRate()))
			.withHeader("xi-api-key", equalTo(API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"text": "%s", "model_id": "eleven_multilingual_v2",
					 "voice_settings": {"stability": 0.5, "similarity_boost": 0.75, "style": 0.0, "speed": %s}}"""
				.formatted(request.text(), request.speed())));
	}

	@Override
	protected int answerRate(int sampleRate) {
		return sampleRate;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		return aResponse().withStatus(200).withHeader("Content-Type", "audio/pcm").withBody(Pcm16.toBytes(samples));
	}

	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		String code = switch (status) {
			case 401 -> "invalid_api_key";
			case 429 -> "too_many_concurrent_requests";
			default -> "system_busy";
		};
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":{\"status\":\"" + code + "\",\"message\":\"" + message + "\"}}");
	}

	@Override
	protected String longestText() {
		return "a".repeat(10_000);
	}

	@Override
	protected double minSpeed() {
		return 0.7;
	}

	@Override
	protected double maxSpeed() {
		return 1.2;
	}

	@Test
	void requestVoiceGoesInThePathAndConfiguredVoiceSettingsInTheBody() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(16_000, 100), 16_000)));
		Map<String, Object> config = new HashMap<>(config(fakeUrl()));
		config.putAll(
				Map.of("model_id", "eleven_flash_v2_5", "stability", "0.3", "similarity_boost", 0.9, "style", 0.2));

		provider(config).synthesize(new SpeechRequest(TEXT, "EXAVITQu4vr4xnSDxMaL", "pt-BR", 1.1, 16000)).block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/v1/text-to-speech/EXAVITQu4vr4xnSDxMaL"))
			.withQueryParam("output_format", equalTo("pcm_16000"))
			.withRequestBody(equalToJson("""
					{"text": "%s", "model_id": "eleven_flash_v2_5",
					 "voice_settings": {"stability": 0.3, "similarity_boost": 0.9, "style": 0.2, "speed": 1.1}}"""
				.formatted(TEXT))));
	}

	@Test
	void textLimitFollowsTheModel() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(8000, 100), 8000)));
		Map<String, Object> flash = new HashMap<>(config(fakeUrl()));
		flash.put("model_id", "eleven_flash_v2_5");
		Map<String, Object> v3 = new HashMap<>(config(fakeUrl()));
		v3.put("model_id", "eleven_v3");

		provider(flash).synthesize(request("a".repeat(40_000), 1.0, 8000)).block(WAIT);
		StepVerifier.create(provider(flash).synthesize(request("a".repeat(40_001), 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderBadRequestException.class)
				.hasMessageContaining("at most 40000 characters"))
			.verify(WAIT);
		StepVerifier.create(provider(v3).synthesize(request("a".repeat(5001), 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).hasMessageContaining("at most 5000 characters"))
			.verify(WAIT);
		this.fake.verify(1, postRequestedFor(urlPathMatching("/v1/text-to-speech/.*")));
	}

	@Test
	void quotaExhaustedIsReportedAs401AndSoAsAnAuthError() {
		this.fake.stubFor(synthesisEndpoint().willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"detail": {"status": "quota_exceeded",
					  "message": "This request exceeds your quota of 10000."}}""")));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderAuthException.class)
				.hasMessageContaining("exceeds your quota"))
			.verify(WAIT);
	}

	@Test
	void voicesAreTheAccountsVoicesForTheLanguageOrUnlabelled() {
		this.fake.stubFor(get(urlPathEqualTo("/v1/voices")).willReturn(okJson("""
				{"voices": [
				  {"voice_id": "21m00Tcm4TlvDq8ikWAM", "name": "Rachel", "category": "premade",
				   "labels": {"accent": "american", "gender": "female", "language": "en"}},
				  {"voice_id": "pt1", "name": "Ana", "labels": {"gender": "female", "language": "pt_BR"}},
				  {"voice_id": "any1", "name": "Multi", "labels": {"gender": "male"}}
				]}""")));

		assertThat(provider().voices("pt-BR").collectList().block(WAIT)).containsExactly(
				new Voice("pt1", "Ana", "pt-BR", "female"), new Voice("any1", "Multi", null, "male"));
		assertThat(provider().voices(null).collectList().block(WAIT)).hasSize(3);
		this.fake.verify(2, getRequestedFor(urlPathEqualTo("/v1/voices")).withHeader("xi-api-key", equalTo(API_KEY)));
	}

	@Test
	void voiceSettingsOutsideZeroToOneAreAConfigProblem() {
		Map<String, Object> config = new HashMap<>(config(fakeUrl()));
		config.put("stability", "1.5");

		assertThatThrownBy(() -> provider(config)).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("stability")
			.hasMessageContaining("between 0 and 1");
	}

	@Test
	void defaultsAreTheReferencesOnes() {
		ElevenLabsTextToSpeechSettings settings = ElevenLabsTextToSpeechSettings
			.from(rowConfig(Map.of("api_key", API_KEY)));

		assertThat(settings.baseUrl()).hasToString("https://api.elevenlabs.io");
		assertThat(settings.voiceId()).isEqualTo("21m00Tcm4TlvDq8ikWAM");
		assertThat(settings.modelId()).isEqualTo("eleven_multilingual_v2");
		assertThat(settings.stability()).isEqualTo(0.5);
		assertThat(settings.similarityBoost()).isEqualTo(0.75);
		assertThat(settings.style()).isZero();
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

}
