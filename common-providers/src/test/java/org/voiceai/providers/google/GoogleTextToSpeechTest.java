package org.voiceai.providers.google;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.TextToSpeech;
import org.voiceai.providers.tts.TextToSpeechContract;
import org.voiceai.providers.tts.Voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code google_tts} against a fake of {@code POST /v1/text:synthesize} answering base64 LINEAR16 (WAV). */
class GoogleTextToSpeechTest extends TextToSpeechContract {

	@Override
	protected ProviderFactory<TextToSpeech> factory() {
		return new GoogleTextToSpeechFactory(this.http, this.json);
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("api_key", API_KEY, "base_url", fakeUrl);
	}

	@Override
	protected MappingBuilder synthesisEndpoint() {
		return post(urlPathEqualTo("/v1/text:synthesize"));
	}

	@Override
	protected RequestPatternBuilder expectedRequest(SpeechRequest request) {
		return postRequestedFor(urlPathEqualTo("/v1/text:synthesize")).withQueryParam("key", equalTo(API_KEY))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"input": {"text": "%s"},
					 "voice": {"languageCode": "pt-BR", "name": "pt-BR-Wavenet-A"},
					 "audioConfig": {"audioEncoding": "LINEAR16", "sampleRateHertz": %d, "speakingRate": %s}}"""
				.formatted(request.text(), request.sampleRate(), request.speed())));
	}

	@Override
	protected int answerRate(int sampleRate) {
		return sampleRate;
	}

	@Override
	protected ResponseDefinitionBuilder speech(short[] samples, int rate) {
		return okJson("{\"audioContent\":\"" + Base64.getEncoder().encodeToString(wav(samples, rate)) + "\"}");
	}

	@Override
	protected ResponseDefinitionBuilder vendorError(int status, String message) {
		String code = switch (status) {
			case 401 -> "UNAUTHENTICATED";
			case 429 -> "RESOURCE_EXHAUSTED";
			case 400 -> "INVALID_ARGUMENT";
			default -> "UNAVAILABLE";
		};
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + code
					+ "\"}}");
	}

	/** Google counts bytes: 2,500 two-byte characters fill the 5,000. */
	@Override
	protected String longestText() {
		return "ã".repeat(2500);
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
	void wrongApiKeyIsA400ThatIsReportedAsAnAuthErrorWithoutTheKey() {
		this.fake.stubFor(synthesisEndpoint().willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody("""
					{"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.",
					  "status": "INVALID_ARGUMENT",
					  "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
					    "domain": "googleapis.com", "metadata": {"service": "texttospeech.googleapis.com"}}]}}""")));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderAuthException.class)
				.hasMessageContaining("API key not valid")
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(API_KEY)))
			.verify(WAIT);
	}

	@Test
	void otherBadRequestsStayBadRequestsAndAKeyEchoedByTheVendorIsMasked() {
		this.fake.stubFor(synthesisEndpoint()
			.willReturn(vendorError(400, "Invalid voice for request /v1/text:synthesize?key=" + API_KEY)));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderBadRequestException.class)
				.hasMessageContaining("Invalid voice for request")
				.hasMessageContaining("key=***")
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(API_KEY)))
			.verify(WAIT);
	}

	@Test
	void connectionAndTimeoutFailuresDoNotCarryTheKey() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		StepVerifier.create(provider(Map.of("api_key", API_KEY, "base_url", "http://127.0.0.1:" + closedPort))
			.synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderUnavailableException.class)
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(API_KEY)))
			.verify(WAIT);

		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(8000, 100), 8000).withFixedDelay(1000)));
		Map<String, Object> slow = new HashMap<>(config(fakeUrl()));
		slow.put("timeout_seconds", 0.2);
		StepVerifier.create(provider(slow).synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderTimeoutException.class)
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(API_KEY)))
			.verify(WAIT);
	}

	@Test
	void answersWhoseAudioIsNotAWavOrNotBase64AreUnavailable() {
		for (String body : new String[] { "{\"audioContent\":\"@@not base64@@\"}",
				"{\"audioContent\":\"" + Base64.getEncoder().encodeToString("ID3 mp3 frames".getBytes()) + "\"}",
				"<html><body>Service moved</body></html>" }) {
			this.fake.stubFor(synthesisEndpoint().willReturn(aResponse().withStatus(200).withBody(body)));

			StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderUnavailableException.class)
					.hasMessageContaining("not audio"))
				.verify(WAIT);
		}
	}

	@Test
	void languageCodeIsTheRequestedVoicesOwn() {
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(16_000, 100), 16_000)));

		provider().synthesize(new SpeechRequest(TEXT, "en-US-Neural2-F", "pt-BR", 1.0, 16000)).block(WAIT);

		this.fake.verify(postRequestedFor(urlPathEqualTo("/v1/text:synthesize"))
			.withRequestBody(matchingJsonPath("$.voice.languageCode", equalTo("en-US")))
			.withRequestBody(matchingJsonPath("$.voice.name", equalTo("en-US-Neural2-F"))));
	}

	@Test
	void voicesAreListedForTheLanguageWithTheKey() {
		this.fake.stubFor(get(urlPathEqualTo("/v1/voices")).willReturn(okJson("""
				{"voices": [
				  {"languageCodes": ["pt-BR"], "name": "pt-BR-Wavenet-A", "ssmlGender": "FEMALE",
				   "naturalSampleRateHertz": 24000},
				  {"languageCodes": ["pt-BR"], "name": "pt-BR-Wavenet-B", "ssmlGender": "MALE",
				   "naturalSampleRateHertz": 24000}]}""")));

		assertThat(provider().voices("pt_BR").collectList().block(WAIT)).containsExactly(
				new Voice("pt-BR-Wavenet-A", "pt-BR-Wavenet-A", "pt-BR", "female"),
				new Voice("pt-BR-Wavenet-B", "pt-BR-Wavenet-B", "pt-BR", "male"));
		provider().voices(null).collectList().block(WAIT);

		this.fake.verify(getRequestedFor(urlPathEqualTo("/v1/voices")).withQueryParam("languageCode", equalTo("pt-BR"))
			.withQueryParam("key", equalTo(API_KEY)));
		this.fake.verify(getRequestedFor(urlPathEqualTo("/v1/voices")).withQueryParam("languageCode", absent())
			.withQueryParam("key", equalTo(API_KEY)));
	}

	@Test
	void serviceAccountFilesAreNotSupportedAndTheMessageSaysSo() {
		assertThatThrownBy(() -> provider(Map.of("credentials_path", "/etc/voice-ai/google.json")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("credentials_path")
			.hasMessageContaining("API key");
		GoogleTextToSpeechSettings settings = GoogleTextToSpeechSettings.from(rowConfig(Map.of("api_key", API_KEY)));
		assertThat(settings.baseUrl()).hasToString("https://texttospeech.googleapis.com");
		assertThat(settings.languageCode()).isEqualTo("pt-BR");
		assertThat(settings.voiceName()).isEqualTo("pt-BR-Wavenet-A");
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

}
