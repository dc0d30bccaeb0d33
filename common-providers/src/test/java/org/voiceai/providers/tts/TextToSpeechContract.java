package org.voiceai.providers.tts;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Pcm16;
import org.voiceai.audio.Wav;
import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderAuthException;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.http.ProviderHttp;
import org.voiceai.providers.secret.SecretCipher;
import org.voiceai.tenant.DomainId;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link TextToSpeech} provider must do, run against a fake of its vendor's real wire protocol: speech
 * comes back as a mono 16-bit WAV at exactly the requested rate, whatever the vendor produced; bad input is refused
 * before any request; and the vendor's 401, 429 (with {@code retry-after}), 5xx, slowness and non-audio answers end
 * in the provider-neutral errors. Subclasses describe their vendor: the config, the exact request, the answer and
 * the error shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TextToSpeechContract {

	protected static final DomainId DOMAIN = DomainId.parse("7c0f5e2a-1b4e-4c1d-9a3f-2b6d8e0a1c55");

	protected static final String API_KEY = "test-key-5f2c9a";

	protected static final String TEXT = "Olá! Em que posso ajudar?";

	/** Upper bound for one call; generous because a loaded build machine can be slow. Timings are asserted apart. */
	protected static final Duration WAIT = Duration.ofSeconds(20);

	/** Length of the fake's speech: 0.5 s of a 440 Hz tone. */
	protected static final int SPEECH_MILLIS = 500;

	protected final WireMockServer fake = new WireMockServer(options().dynamicPort());

	protected final JsonMapper json = JsonMapper.builder().build();

	protected final ProviderHttp http = new ProviderHttp(ConnectionProvider.newConnection(),
			new HttpErrorMapper(this.json));

	private final SecretCipher cipher = new SecretCipher(new byte[32]);

	/** The factory under test. */
	protected abstract ProviderFactory<TextToSpeech> factory();

	/** A row config pointing the provider at {@code fakeUrl}; {@code api_key}, if any, is {@link #API_KEY}. */
	protected abstract Map<String, Object> config(String fakeUrl);

	/** The synthesis endpoint (method and path), matching any body: for stubbing answers. */
	protected abstract MappingBuilder synthesisEndpoint();

	/** Exactly the synthesis request the provider must send for {@code request}: URL, query, headers and body. */
	protected abstract RequestPatternBuilder expectedRequest(SpeechRequest request);

	/** The rate the vendor answers at when asked for {@code sampleRate}. */
	protected abstract int answerRate(int sampleRate);

	/** The vendor's successful answer carrying {@code samples} (mono, at {@link #answerRate}). */
	protected abstract ResponseDefinitionBuilder speech(short[] samples, int rate);

	/** The vendor's error answer for {@code status}, in its own JSON shape, saying {@code message}. */
	protected abstract ResponseDefinitionBuilder vendorError(int status, String message);

	/** The longest text the provider accepts in one request; one more character must be refused. */
	protected abstract String longestText();

	/** The speed range the vendor accepts; speeds outside it are sent as the nearest bound. */
	protected abstract double minSpeed();

	protected abstract double maxSpeed();

	/** A 200 answer that is not speech, such as an error page behind a proxy. */
	protected ResponseDefinitionBuilder notAudio() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status\":\"queued\",\"message\":\"see dashboard\"}");
	}

	/**
	 * Starts the fake and sends one request through the whole stack, so that loading WebClient, Netty and Jackson
	 * (seconds on a cold, busy JVM) is not charged to the first test's deadline.
	 */
	@BeforeAll
	void startFakeAndWarmUp() {
		this.fake.start();
		int answerRate = answerRate(8000);
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(answerRate, 100), answerRate)));
		provider().synthesize(request(TEXT, 1.0, 8000)).onErrorComplete().block(Duration.ofSeconds(60));
	}

	@AfterAll
	void stopFake() {
		this.fake.stop();
	}

	@BeforeEach
	void resetFake() {
		this.fake.resetAll();
	}

	@ParameterizedTest
	@ValueSource(ints = { 8000, 16000 })
	public void speaksAMono16BitWavAtTheRequestedRate(int sampleRate) {
		int answerRate = answerRate(sampleRate);
		short[] tone = tone(answerRate, SPEECH_MILLIS);
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone, answerRate)));
		SpeechRequest request = request(TEXT, 1.0, sampleRate);

		SynthesizedAudio audio = provider().synthesize(request).block(WAIT);

		this.fake.verify(1, expectedRequest(request));
		assertThat(audio.provider()).isEqualTo(factory().name());
		assertThat(audio.sampleRate()).isEqualTo(sampleRate);
		Wav.Audio wav = Wav.read(audio.wav());
		assertThat(wav.format()).isEqualTo(new AudioFormat(AudioEncoding.PCM16, sampleRate, 1));
		assertThat(audio.duration()).isEqualTo(wav.duration());
		assertThat(wav.samples()).hasSize(2 * (int) Math.round((double) tone.length * sampleRate / answerRate));
		assertThat(audio.duration().toNanos() / 1e6).isCloseTo(SPEECH_MILLIS, within(1.0));
		// The tone survives the trip (440 Hz is well below either rate's Nyquist frequency), not just its length.
		assertThat(rms(Pcm16.toShorts(wav.samples()))).isCloseTo(rms(tone), within(rms(tone) * 0.05));
	}

	@Test
	public void acceptsTheLongestTextAndRefusesOneCharacterMoreWithoutARequest() {
		int answerRate = answerRate(8000);
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(answerRate, 100), answerRate)));
		TextToSpeech provider = provider();

		provider.synthesize(request(longestText(), 1.0, 8000)).block(WAIT);
		this.fake.verify(1, anyRequestedFor(anyUrl()));
		this.fake.resetRequests();

		StepVerifier.create(provider.synthesize(request(longestText() + "a", 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderBadRequestException.class)
				.hasMessageContaining("at most"))
			.verify(WAIT);
		this.fake.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	public void refusesTextWithNothingToSpeakWithoutARequest() {
		// SpeechRequest refuses blank text itself; no-break and zero-width spaces get past that check.
		StepVerifier.create(provider().synthesize(request("\u00A0\u200B \u2060", 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderBadRequestException.class)
				.hasMessageContaining("nothing to speak"))
			.verify(WAIT);
		this.fake.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	public void refusesASpeedThatIsNotAPositiveNumberWithoutARequest() {
		for (double speed : new double[] { 0, -1, Double.NaN }) {
			StepVerifier.create(provider().synthesize(request(TEXT, speed, 8000)))
				.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderBadRequestException.class)
					.hasMessageContaining("speed"))
				.verify(WAIT);
		}
		this.fake.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	public void sendsSpeedsOutsideTheVendorsRangeAsTheNearestBound() {
		int answerRate = answerRate(16000);
		this.fake.stubFor(synthesisEndpoint().willReturn(speech(tone(answerRate, 100), answerRate)));
		TextToSpeech provider = provider();

		provider.synthesize(request(TEXT, 100, 16000)).block(WAIT);
		provider.synthesize(request(TEXT, 0.01, 16000)).block(WAIT);

		this.fake.verify(1, expectedRequest(request(TEXT, maxSpeed(), 16000)));
		this.fake.verify(1, expectedRequest(request(TEXT, minSpeed(), 16000)));
	}

	@Test
	public void unauthorizedIsAnAuthErrorWithTheVendorsMessage() {
		this.fake.stubFor(synthesisEndpoint().willReturn(vendorError(401, "Invalid API key supplied")));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderAuthException.class)
				.hasMessageContaining("Invalid API key supplied")
				.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain(API_KEY)))
			.verify(WAIT);
		this.fake.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	public void rateLimitIsRetriedAfterTheVendorsRetryAfter() {
		int answerRate = answerRate(8000);
		this.fake.stubFor(synthesisEndpoint().inScenario("rate limit")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(vendorError(429, "Too many concurrent requests").withHeader("Retry-After", "1"))
			.willSetStateTo("limited once"));
		this.fake.stubFor(synthesisEndpoint().inScenario("rate limit")
			.whenScenarioStateIs("limited once")
			.willReturn(speech(tone(answerRate, SPEECH_MILLIS), answerRate)));
		long started = System.nanoTime();

		SynthesizedAudio audio = provider().synthesize(request(TEXT, 1.0, 8000)).block(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(audio.sampleRate()).isEqualTo(8000);
		this.fake.verify(2, anyRequestedFor(anyUrl()));
	}

	@Test
	public void serverErrorIsUnavailableWithTheVendorsMessageAfterRetries() {
		this.fake.stubFor(synthesisEndpoint().willReturn(vendorError(503, "Service temporarily overloaded")));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderUnavailableException.class)
				.hasMessageContaining("Service temporarily overloaded"))
			.verify(WAIT);
		// RetryPolicy.DEFAULT: the first attempt and two retries.
		this.fake.verify(3, anyRequestedFor(anyUrl()));
	}

	@Test
	public void slowAnswerTimesOutAtTheConfiguredTimeout() {
		int answerRate = answerRate(8000);
		this.fake.stubFor(synthesisEndpoint()
			.willReturn(speech(tone(answerRate, SPEECH_MILLIS), answerRate).withFixedDelay(1500)));
		Map<String, Object> config = new HashMap<>(config(fakeUrl()));
		config.put("timeout_seconds", "0.3");
		long started = System.nanoTime();

		StepVerifier.create(provider(config).synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderTimeoutException.class))
			.verify(WAIT);
		// Well before the fake would have answered: the configured 0.3 s ended the call.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1200));
	}

	@Test
	public void answerThatIsNotAudioIsUnavailableAndNotRetried() {
		this.fake.stubFor(synthesisEndpoint().willReturn(notAudio()));

		StepVerifier.create(provider().synthesize(request(TEXT, 1.0, 8000)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(ProviderUnavailableException.class)
				.hasMessageContaining("not audio"))
			.verify(WAIT);
		this.fake.verify(1, anyRequestedFor(anyUrl()));
	}

	/** The fake's address by IP: resolving "localhost" can stall on a host without working DNS. */
	protected String fakeUrl() {
		return "http://127.0.0.1:" + this.fake.port();
	}

	protected TextToSpeech provider() {
		return provider(config(fakeUrl()));
	}

	/** Builds the provider the way the manager does, with {@code api_key} stored encrypted as in a real row. */
	protected TextToSpeech provider(Map<String, Object> config) {
		return factory().create(rowConfig(config));
	}

	/** {@code config} as a provider row holds it, with {@code api_key} encrypted. */
	protected ProviderConfig rowConfig(Map<String, Object> config) {
		ProviderContext context = new ProviderContext(DOMAIN, ProviderType.TTS, UUID.randomUUID(), factory().name());
		return new ProviderConfig(context, this.cipher.encryptSecretValues(config, DOMAIN), this.cipher);
	}

	protected static SpeechRequest request(String text, double speed, int sampleRate) {
		return new SpeechRequest(text, null, "pt-BR", speed, sampleRate);
	}

	/** {@code millis} of a 440 Hz tone at a third of full scale. */
	protected static short[] tone(int rate, int millis) {
		short[] samples = new short[rate * millis / 1000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * 440 * i / rate));
		}
		return samples;
	}

	protected static byte[] wav(short[] samples, int rate) {
		return Wav.write(new AudioFormat(AudioEncoding.PCM16, rate, 1), Pcm16.toBytes(samples));
	}

	protected static String stackTrace(Throwable error) {
		StringWriter text = new StringWriter();
		error.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private static double rms(short[] samples) {
		double sum = 0;
		// Skip the first and last 4 %, where a resampler's filter meets the silence around the signal.
		int edge = samples.length / 25;
		for (int i = edge; i < samples.length - edge; i++) {
			sum += (double) samples[i] * samples[i];
		}
		return Math.sqrt(sum / (samples.length - 2 * edge));
	}

}
