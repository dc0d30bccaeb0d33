package org.voiceai.providers.google;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.stt.SpeechToText;
import org.voiceai.providers.stt.SpeechToTextContract;
import org.voiceai.providers.stt.SpeechToTextWavs;
import org.voiceai.providers.stt.Transcription;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** {@code google_speech} against a fake of Cloud Speech-to-Text v1 {@code speech:recognize}. */
class GoogleSpeechToTextTest extends SpeechToTextContract {

	static final String TEXT = "Olá, quero falar com o financeiro.";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	protected ProviderFactory<SpeechToText> factory(ProviderHttp http) {
		return new GoogleSpeechToTextFactory(http);
	}

	@Override
	protected Map<String, Object> config(String baseUrl) {
		return Map.of("api_key", API_KEY, "base_url", baseUrl);
	}

	@Override
	protected MappingBuilder endpoint() {
		return post(urlPathEqualTo("/v1/speech:recognize"));
	}

	@Override
	protected ResponseDefinitionBuilder success() {
		return okJson("""
				{"results":[{"alternatives":[{"transcript":"%s","confidence":0.93}],"resultEndTime":"1.500s",
				  "languageCode":"pt-br"}],
				 "totalBilledTime":"2s","requestId":"4627263547324857352"}""".formatted(TEXT));
	}

	@Override
	protected String successText() {
		return TEXT;
	}

	/** Google answers a wrong API key with 400 INVALID_ARGUMENT, reason API_KEY_INVALID. */
	@Override
	protected ResponseDefinitionBuilder authFailure() {
		return error(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT",
				",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
						+ "\"domain\":\"googleapis.com\",\"metadata\":{\"service\":\"speech.googleapis.com\"}}]");
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service "
				+ "'speech.googleapis.com' for consumer 'project_number:123456789'.", "RESOURCE_EXHAUSTED", "");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(503, "The service is currently unavailable.", "UNAVAILABLE", "");
	}

	static ResponseDefinitionBuilder error(int status, String message, String code, String details) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody("""
					{"error":{"code":%d,"message":"%s","status":"%s"%s}}""".formatted(status, message, code, details));
	}

	@Override
	protected void verifyRequest(LoggedRequest request, byte[] wav) {
		assertThat(request.getQueryParams().keySet()).containsExactly("key");
		assertThat(request.queryParameter("key").firstValue()).isEqualTo(API_KEY);
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		JsonNode body = JSON.readTree(request.getBodyAsString());
		JsonNode config = body.path("config");
		assertThat(config.path("encoding").asString()).isEqualTo("LINEAR16");
		assertThat(config.path("sampleRateHertz").asInt()).isEqualTo(8000);
		assertThat(config.path("languageCode").asString()).isEqualTo("pt-BR");
		assertThat(config.path("enableAutomaticPunctuation").asBoolean()).isTrue();
		assertThat(config.has("model")).isFalse();
		// Raw samples, no WAV header.
		assertThat(Base64.getDecoder().decode(body.path("audio").path("content").asString()))
			.isEqualTo(Wav.read(wav).samples());
	}

	private JsonNode sentConfig() {
		return JSON.readTree(requests().get(0).getBodyAsString()).path("config");
	}

	private byte[] sentContent() {
		return Base64.getDecoder()
			.decode(JSON.readTree(requests().get(0).getBodyAsString()).path("audio").path("content").asString());
	}

	@Test
	void resultsAreJoinedAndTheirConfidenceAveraged() {
		this.server.stubFor(endpoint().willReturn(okJson("""
				{"results":[
				  {"alternatives":[{"transcript":"Bom dia.","confidence":0.9},
				                   {"transcript":"Bom Diaz","confidence":0.4}],
				   "resultEndTime":"0.800s","languageCode":"pt-br"},
				  {"alternatives":[{"transcript":" Quero o financeiro.","confidence":0.8}],"resultEndTime":"1.500s",
				   "languageCode":"pt-br"}],
				 "totalBilledTime":"15s","requestId":"1"}""")));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.text()).isEqualTo("Bom dia. Quero o financeiro.");
		assertThat(result.confidence()).isCloseTo(0.85, within(1e-9));
		assertThat(result.language()).isEqualTo("pt-BR");
		// totalBilledTime is rounded for billing; the length comes from the audio.
		assertThat(result.audioDuration()).isEqualTo(UTTERANCE);
	}

	@Test
	void noSpeechIsAnEmptyAnswer() {
		this.server.stubFor(endpoint().willReturn(okJson("{\"totalBilledTime\":\"2s\",\"requestId\":\"2\"}")));

		Transcription result = transcribe(provider(), telephoneWav());

		assertThat(result.text()).isEmpty();
		assertThat(result.confidence()).isNull();
	}

	@Test
	void muLawRecordingIsSentAsMulawWithoutConversion() {
		this.server.stubFor(endpoint().willReturn(success()));
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.ULAW_8K, UTTERANCE);

		transcribe(provider(), wav);

		assertThat(sentConfig().path("encoding").asString()).isEqualTo("MULAW");
		assertThat(sentConfig().path("sampleRateHertz").asInt()).isEqualTo(8000);
		assertThat(sentContent()).isEqualTo(Wav.read(wav).samples());
	}

	@Test
	void aLawRecordingIsDecodedToLinear16() {
		this.server.stubFor(endpoint().willReturn(success()));
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.ALAW_8K, UTTERANCE);

		transcribe(provider(), wav);

		assertThat(sentConfig().path("encoding").asString()).isEqualTo("LINEAR16");
		assertThat(sentContent()).hasSize(Wav.read(wav).samples().length * 2);
	}

	@Test
	void stereoIsMixedToMonoAndRatesLinear16CannotTakeBecome16Kilohertz() {
		this.server.stubFor(endpoint().willReturn(success()));

		transcribe(provider(), SpeechToTextWavs.tone(new AudioFormat(AudioEncoding.PCM16, 96000, 2), UTTERANCE));

		assertThat(sentConfig().path("sampleRateHertz").asInt()).isEqualTo(16000);
		assertThat(sentContent()).hasSize(16000 * 2 * 3 / 2);
	}

	@Test
	void configuredModelIsSent() {
		this.server.stubFor(endpoint().willReturn(success()));

		transcribe(provider(Map.of("model", "latest_short")), telephoneWav());

		assertThat(sentConfig().path("model").asString()).isEqualTo("latest_short");
	}

	@Test
	void audioLongerThanSixtySecondsIsRejectedBeforeAnyRequest() {
		byte[] wav = SpeechToTextWavs.tone(AudioFormat.ULAW_8K, Duration.ofSeconds(61));

		assertThatThrownBy(() -> transcribe(provider(), wav)).isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("at most 60.0 s");
		assertNoRequest();
	}

	@Test
	void syncInputTooLongAnswerIsBadAudio() {
		this.server.stubFor(endpoint().willReturn(error(400, "Sync input too long. For audio longer than 1 min use "
				+ "LongRunningRecognize with a 'uri' parameter.", "INVALID_ARGUMENT", "")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("Sync input too long");
	}

	@Test
	void oauthStyleUnauthenticatedIsAnAuthFailure() {
		this.server.stubFor(endpoint().willReturn(error(401, "Request had invalid authentication credentials.",
				"UNAUTHENTICATED", "")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderAuthException.class);
	}

	@Test
	void aKeyEchoedByTheVendorIsMasked() {
		this.server.stubFor(endpoint().willReturn(error(400, "API key not valid: " + API_KEY, "INVALID_ARGUMENT", "")));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderAuthException.class)
			.hasMessage("google_speech: HTTP 400: API key not valid: ***");
	}

	@Test
	void connectionFailureCarriesNeitherTheKeyNorTheUrl() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		ProviderUnavailableException error = catchThrowableOfType(ProviderUnavailableException.class,
				() -> transcribe(provider(Map.of("base_url", "http://127.0.0.1:" + closedPort)), telephoneWav()));

		assertThat(error).isNotNull();
		assertWithoutKey(error);
	}

	@Test
	void timeoutCarriesNeitherTheKeyNorTheUrl() {
		this.server.stubFor(endpoint().willReturn(success().withFixedDelay(1000)));

		ProviderTimeoutException error = catchThrowableOfType(ProviderTimeoutException.class,
				() -> transcribe(provider(Map.of("timeout_seconds", "0.3")), telephoneWav()));

		assertThat(error).isNotNull();
		assertWithoutKey(error);
	}

	private static void assertWithoutKey(ProviderException error) {
		// The client's exceptions hold the request URL, key included; none may travel with ours.
		assertThat(error.getCause()).isNull();
		assertThat(error.getSuppressed())
			.allSatisfy((suppressed) -> assertThat(suppressed.toString()).doesNotContain(API_KEY));
		assertThat(error.toString()).doesNotContain(API_KEY);
	}

	@Test
	void defaultsAndTheRequiredKey() {
		GoogleSpeechToTextSettings settings = ((GoogleSpeechToText) new GoogleSpeechToTextFactory(this.http)
			.create(row(Map.of("api_key", API_KEY)))).settings();

		assertThat(settings.baseUrl()).hasToString("https://speech.googleapis.com");
		assertThat(settings.language()).isEqualTo("pt-BR");
		assertThat(settings.model()).isNull();
		assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.toString()).doesNotContain(API_KEY);
		assertThatThrownBy(() -> new GoogleSpeechToTextFactory(this.http).create(row(Map.of())))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("config key 'api_key' is missing");
	}

}
