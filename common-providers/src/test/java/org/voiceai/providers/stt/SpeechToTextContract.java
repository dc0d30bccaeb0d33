package org.voiceai.providers.stt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioFormat;
import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadAudioException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SpeechToText} must do, run against a WireMock fake that speaks the vendor's wire protocol.
 * Subclasses supply the factory, a configuration pointing at the fake, the vendor's endpoint and its answers
 * (success, authentication failure, rate limit, server error) in the vendor's own shapes, and check the request
 * shape of a successful call.
 */
public abstract class SpeechToTextContract {

	protected static final String API_KEY = "test-key-5f1e9a7c3b";

	protected static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	protected static final Duration WAIT = Duration.ofSeconds(10);

	/** What the fakes hear: 1.5 s of telephone audio. */
	protected static final Duration UTTERANCE = Duration.ofMillis(1500);

	private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

	protected WireMockServer server;

	protected ProviderHttp http;

	private ConnectionProvider connections;

	/** The factory under test, building instances that use {@code http}. */
	protected abstract ProviderFactory<SpeechToText> factory(ProviderHttp http);

	/** A complete row configuration for the fake at {@code baseUrl} with {@link #API_KEY}. */
	protected abstract Map<String, Object> config(String baseUrl);

	/** A fresh matcher for the vendor's transcription endpoint (method and path). */
	protected abstract MappingBuilder endpoint();

	/** The vendor's successful answer, transcribing {@link #UTTERANCE} as {@link #successText()}. */
	protected abstract ResponseDefinitionBuilder success();

	protected abstract String successText();

	/** The vendor's answer to a wrong key. */
	protected abstract ResponseDefinitionBuilder authFailure();

	/** The vendor's 429 answer (the contract adds {@code retry-after}). */
	protected abstract ResponseDefinitionBuilder rateLimited();

	/** The vendor's 5xx answer. */
	protected abstract ResponseDefinitionBuilder serverError();

	/** Checks the request a successful {@link #transcribe} of {@code wav} in pt-BR sent. */
	protected abstract void verifyRequest(LoggedRequest request, byte[] wav);

	@BeforeEach
	void startFake() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		// No pooling: a connection left over from one test's slow answer must not serve the next test.
		this.connections = ConnectionProvider.newConnection();
		this.http = new ProviderHttp(this.connections, new HttpErrorMapper(JsonMapper.builder().build()));
	}

	@AfterEach
	void stopFake() {
		this.server.stop();
		this.connections.dispose();
	}

	/** An instance built by the factory from {@link #config} plus {@code overrides}. */
	protected SpeechToText provider(Map<String, Object> overrides) {
		Map<String, Object> values = new HashMap<>(config(this.server.baseUrl()));
		values.putAll(overrides);
		return factory(this.http).create(row(values));
	}

	/** A provider row's configuration holding exactly {@code values}. */
	protected ProviderConfig row(Map<String, Object> values) {
		return new ProviderConfig(
				new ProviderContext(DOMAIN, ProviderType.STT, UUID.randomUUID(), factory(this.http).name()), values,
				CIPHER);
	}

	protected SpeechToText provider() {
		return provider(Map.of());
	}

	protected Transcription transcribe(SpeechToText provider, byte[] wav) {
		return provider.transcribe(new TranscriptionRequest(wav, "pt-BR", null)).block(WAIT);
	}

	protected static byte[] telephoneWav() {
		return SpeechToTextWavs.tone(AudioFormat.PCM16_8K, UTTERANCE);
	}

	protected List<LoggedRequest> requests() {
		return this.server.findAll(anyRequestedFor(anyUrl()));
	}

	protected void assertNoRequest() {
		assertThat(requests()).isEmpty();
	}

	@Test
	void emptyAudioIsRejectedBeforeAnyRequest() {
		assertThatThrownBy(() -> transcribe(provider(), new byte[0])).isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("empty audio");
		assertNoRequest();
	}

	@Test
	void audioThatIsNotWavIsRejectedBeforeAnyRequest() {
		byte[] mp3 = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 not a wav".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> transcribe(provider(), mp3)).isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("not a WAV file");
		assertNoRequest();
	}

	@Test
	void wavWithUnsupportedEncodingIsRejectedBeforeAnyRequest() {
		assertThatThrownBy(() -> transcribe(provider(), SpeechToTextWavs.floatWav()))
			.isInstanceOf(ProviderBadAudioException.class)
			.hasMessageContaining("unsupported WAV encoding 3");
		assertNoRequest();
	}

	@Test
	void successReturnsTheTranscriptWithProviderNameAndDuration() {
		this.server.stubFor(endpoint().willReturn(success()));
		byte[] wav = telephoneWav();

		Transcription result = transcribe(provider(), wav);

		assertThat(result.text()).isEqualTo(successText());
		assertThat(result.provider()).isEqualTo(factory(this.http).name());
		assertThat(result.audioDuration()).isEqualTo(UTTERANCE);
		assertThat(requests()).hasSize(1);
		verifyRequest(requests().get(0), wav);
	}

	@Test
	void rejectedKeyIsAnAuthFailureThatIsNotRetriedAndDoesNotShowTheKey() {
		this.server.stubFor(endpoint().willReturn(authFailure()));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav())).isInstanceOf(ProviderAuthException.class)
			.hasMessageStartingWith(factory(this.http).name() + ": ")
			.hasMessageNotContaining(API_KEY);
		assertThat(requests()).hasSize(1);
	}

	@Test
	void rateLimitIsRetriedAfterTheVendorsRetryAfter() {
		this.server.stubFor(endpoint().inScenario("rate limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(rateLimited().withHeader("retry-after", "1"))
			.willSetStateTo("allowed"));
		this.server.stubFor(endpoint().inScenario("rate limit").whenScenarioStateIs("allowed").willReturn(success()));

		byte[] wav = telephoneWav();

		long start = System.nanoTime();
		Transcription result = transcribe(provider(), wav);
		Duration waited = Duration.ofNanos(System.nanoTime() - start);

		assertThat(result.text()).isEqualTo(successText());
		assertThat(requests()).hasSize(2);
		// The retry is the same, complete request.
		requests().forEach((request) -> verifyRequest(request, wav));
		// The default back-off is 200 ms: only the retry-after header explains a wait of a second.
		assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void serverErrorIsRetriedThenReportedUnavailable() {
		this.server.stubFor(endpoint().willReturn(serverError()));

		assertThatThrownBy(() -> transcribe(provider(), telephoneWav()))
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("HTTP 5");
		assertThat(requests()).hasSize(3);
	}

	@Test
	void noAnswerWithinTimeoutSecondsIsATimeout() {
		this.server.stubFor(endpoint().willReturn(success().withFixedDelay(1000)));

		long start = System.nanoTime();
		assertThatThrownBy(() -> transcribe(provider(Map.of("timeout_seconds", "0.3")), telephoneWav()))
			.isInstanceOf(ProviderTimeoutException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
		assertThat(requests()).hasSize(1);
	}

}
