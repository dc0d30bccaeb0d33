package org.voiceai.realtime;

import java.nio.file.Path;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.testing.EmbeddedDefaults;

/**
 * What the bridge's end-to-end tests share: the application on a random port over the embedded PostgreSQL, the ESL
 * fake as FreeSWITCH's event socket, WireMock as voice-ai-service (and as the text-to-speech provider of the apology),
 * and before each test a fresh domain ({@link CallFixture}) whose default realtime row points at
 * {@link #openAiRealtimeUrl()}. Each subclass starts its own provider fakes, closes them after its tests
 * ({@code @AutoClose}) and points the domain's rows at them in its own {@code @BeforeEach}, which runs after this one.
 * <p>
 * Subclasses add no configuration of their own, so all of them share one application context and one embedded
 * PostgreSQL (Spring caches a context by its configuration, {@code @DynamicPropertySource} methods included, not by
 * the values they supply). That context stays cached, connected to the ESL fake and reporting to the service, until
 * the JVM exits; so these two fakes live as long: started once here and never closed, since a class closing them
 * would leave the next class's context without them. A subclass with settings of its own would get a second context
 * connected to the same ESL fake, where {@code awaitSubscriptions(1)} no longer waits for it. Each test makes its own
 * domain and calls, so the classes do not see each other's calls in the shared fakes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@EmbeddedDefaults
abstract class BridgeEndToEndTest {

	static final FakeFreeSwitchEsl esl = FakeFreeSwitchEsl.start().trackChannels();

	static final WireMockServer service = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static {
		service.start();
	}

	@DynamicPropertySource
	static void fakes(DynamicPropertyRegistry registry) {
		registry.add("voice-ai.esl.port", esl::port);
		registry.add("voice-ai.realtime.service-url", service::baseUrl);
		registry.add("voice-ai.realtime.file-chunk", () -> "200ms");
	}

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@TempDir
	Path moduleFiles;

	BridgeCalls calls;

	CallFixture fixture;

	@BeforeEach
	void domainAndService() {
		this.calls = new BridgeCalls(esl, service, this.moduleFiles);
		this.calls.fakeServiceAndSpeech();
		this.fixture = CallFixture.create(this.database, this.providers, openAiRealtimeUrl(),
				service.baseUrl() + "/v1");
		esl.awaitSubscriptions(1, Duration.ofSeconds(20));
	}

	/**
	 * Where the domain's default {@code openai_realtime} row points: by default nowhere that answers, for the classes
	 * that replace that row with their own provider's.
	 */
	String openAiRealtimeUrl() {
		return "ws://127.0.0.1:1/unused";
	}

}
