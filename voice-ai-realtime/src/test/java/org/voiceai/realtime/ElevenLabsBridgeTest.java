package org.voiceai.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.voiceai.audio.Pcm16;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator.Received;
import org.voiceai.realtime.fakes.elevenlabs.ElevenLabsAgentFake;
import org.voiceai.realtime.fakes.elevenlabs.FakeAgentConversation;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge end to end with an ElevenLabs agent as the realtime provider, over real sockets: the mod_audio_stream
 * emulator as FreeSWITCH's media side, the ElevenLabs agent fake, the ESL fake, WireMock as voice-ai-service and as
 * the text-to-speech provider of the apology, and the embedded PostgreSQL. Every scenario runs in the {@code raw} and
 * {@code file} return modes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@EmbeddedDefaults
class ElevenLabsBridgeTest {

	static final String AGENT = "agent_clinica";

	static final ElevenLabsAgentFake elevenlabs = ElevenLabsAgentFake.start("xi-realtime-test");

	static final FakeFreeSwitchEsl esl = FakeFreeSwitchEsl.start().trackChannels();

	static final WireMockServer service = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final JsonMapper json = JsonMapper.builder().build();

	/** 8 kHz 16-bit: bytes per millisecond. */
	static final int BYTES_PER_MS = 16;

	static final AtomicInteger FILE_SEQUENCE = new AtomicInteger();

	static {
		service.start();
		// A private agent that allows the prompt and first-message overrides, answering in 16 kHz PCM.
		elevenlabs.agent(AGENT).makePrivate().allowOverrides("prompt", "first_message").formats("pcm_16000",
				"pcm_16000");
	}

	@DynamicPropertySource
	static void fakes(DynamicPropertyRegistry registry) {
		registry.add("voice-ai.esl.port", esl::port);
		registry.add("voice-ai.realtime.service-url", service::baseUrl);
		registry.add("voice-ai.realtime.file-chunk", () -> "200ms");
	}

	@AfterAll
	static void stopFakes() {
		elevenlabs.close();
		esl.close();
		service.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@TempDir
	Path moduleFiles;

	CallFixture fixture;

	@BeforeEach
	void domainAndService() {
		service.resetAll();
		service.stubFor(any(urlPathMatching("/api/v1/conversations/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		service.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withStatus(200).withBody(tone(24000, 1000))));
		this.fixture = CallFixture.create(this.database, this.providers, "ws://127.0.0.1:1/unused",
				service.baseUrl() + "/v1");
		// The domain's realtime provider becomes the ElevenLabs agent: it outranks the OpenAI row CallFixture made.
		this.database.sql("DELETE FROM v_voice_ai_providers WHERE domain_uuid = :d AND provider_type = 'realtime'")
			.bind("d", this.fixture.domain.value())
			.then()
			.block();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("api_key", "xi-realtime-test");
		row.put("agent_id", AGENT);
		row.put("base_url", elevenlabs.baseUrl());
		row.put("response_gap_ms", "300");
		this.providers.insert(this.fixture.domain, new ProviderDraft(ProviderType.REALTIME, "elevenlabs",
				"ElevenLabs agent", row, true, 0, true)).block();
		esl.awaitSubscriptions(1, Duration.ofSeconds(20));
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void theGreetingIsHeardAndAQuestionIsAnswered(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, "{\"caller_id_name\":\"Maria\"}")) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			assertThat(agent.signed()).isTrue();
			assertThat(agent.overrides().path("agent").path("prompt").path("prompt").asString())
				.contains("Clínica Sorriso");
			// The secretary's greeting is asked for as an instruction; the agent answers with the default reply.
			assertThat(agent.awaitReceived("user_message").path("text").asString())
				.contains("Clínica Sorriso, bom dia!");
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);

			agent.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600)).callerWillSay("Qual o horário?");
			caller.speak(tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 900);
			await().atMost(Duration.ofSeconds(10)).until(() -> utterances(call)
				.containsAll(List.of("user:Qual o horário?", "assistant:Atendemos das 8h às 18h.")));
			// Caller audio reached the agent at its 16 kHz input rate.
			assertThat(agent.receivedAudioMillis()).isGreaterThan(600);

			caller.hangUp();
			assertThat(awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(agent::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void bargeInClearsWhatIsQueuedAndTheInterruptedRepliesLateAudioIsNeverPlayed(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			long reply = agent.speak("Uma resposta bem longa sobre os nossos serviços.", Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= greeting + 1000);
			agent.queueReply("Pois não?", Duration.ofMillis(300));
			caller.speak(tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> agent.interruptionsSent().contains(reply));
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else {
				await().atMost(Duration.ofSeconds(5)).until(() -> texts(caller).contains("{\"type\":\"clearAudio\"}"));
			}
			// The answer to the caller's turn follows; the rest of the four seconds (and its stale chunk) never do.
			await().atMost(Duration.ofSeconds(10)).until(() -> utterances(call).contains("assistant:Pois não?"));
			Thread.sleep(800);
			assertThat(heardMillis(caller, mode, call) - greeting).isLessThan(2600);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void aTransferToolCallIsAnsweredAnnouncedAndTransfersOnce(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			agent.queueReply("Vou transferir você para o financeiro.", Duration.ofSeconds(1));
			String toolCallId = agent.callTool("transfer_call", "{\"destination\":\"contas\"}");
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.fixture.domainName);
			JsonNode result = agent.awaitReceived("client_tool_result");
			assertThat(result.path("tool_call_id").asString()).isEqualTo(toolCallId);
			assertThat(result.path("result").asString()).contains("Financeiro");
			assertThat(heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(1000);
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(last(agentAudioArrivals(caller, mode, call)));
			caller.hangUp();
			JsonNode end = awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("transfer");
			assertThat(end.path("transfer_extension").asString()).isEqualTo("1001");
			assertThat(agent.problems()).isEmpty();
		}
		assertThat(esl.apiCommands().stream().filter((command) -> command.contains("uuid_transfer " + call)))
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void endCallSaysTheFarewellThenHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			agent.queueReply("Obrigada pela ligação, até logo!", Duration.ofMillis(800));
			agent.callTool("end_call", "{\"reason\":\"caller said goodbye\"}");
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(800);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(last(agentAudioArrivals(caller, mode, call)));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			await().atMost(Duration.ofSeconds(5)).until(agent::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void whenTheAgentDropsTheCallerHearsTheApologyAndTheCallEnds(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int conversations = elevenlabs.conversations().size();
		try (ModAudioStreamEmulator caller = connect(call, mode, null)) {
			FakeAgentConversation agent = elevenlabs.awaitConversation(conversations).awaitInitiated();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(500);
			int before = heardMillis(caller, mode, call);

			agent.drop();
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider.
			assertThat(heardMillis(caller, mode, call) - before).isBetween(960, 1040);
			JsonNode end = awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode, String metadata) throws InterruptedException {
		esl.addChannel(call.toString());
		ModAudioStreamEmulator emulator = ModAudioStreamEmulator.connect(this.fixture.streamUri(this.port, call, mode),
				CallFixture.authorization(), 8000, metadata);
		if ("file".equals(mode)) {
			emulator.onText((text) -> writeAndAnnounce(call, text));
		}
		return emulator;
	}

	/**
	 * What the open-source mod_audio_stream does with {@code streamAudio}: writes the audio to a raw file and fires
	 * {@code mod_audio_stream::play} with the data object minus the audio plus the file's path.
	 */
	private void writeAndAnnounce(UUID call, String text) {
		JsonNode message = json.readTree(text);
		if (!"streamAudio".equals(message.path("type").asString())) {
			return;
		}
		JsonNode data = message.path("data");
		Path file = this.moduleFiles.resolve(call + "_" + FILE_SEQUENCE.incrementAndGet() + ".tmp.r8");
		try {
			Files.write(file, Base64.getDecoder().decode(data.path("audioData").asString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ObjectNode body = (ObjectNode) data.deepCopy();
		body.remove("audioData");
		body.put("file", file.toString());
		esl.emitAudioStreamEvent(call.toString(), "play", body.toString());
	}

	/** Milliseconds of agent audio that reached FreeSWITCH for this call (file mode: that it was asked to play). */
	private int heardMillis(ModAudioStreamEmulator caller, String mode, UUID call) {
		return switch (mode) {
			case "raw" -> caller.received().stream().filter(Received::isBinary).mapToInt((r) -> r.binary().length).sum()
					/ BYTES_PER_MS;
			case "json" -> caller.received().stream().filter((r) -> !r.isBinary())
				.map((r) -> json.readTree(r.text()))
				.filter((m) -> "streamAudio".equals(m.path("type").asString()))
				.mapToInt((m) -> Base64.getDecoder().decode(m.path("data").path("audioData").asString()).length)
				.sum() / BYTES_PER_MS;
			default -> (int) (broadcastFiles(call).stream().mapToLong(ElevenLabsBridgeTest::size).sum() / BYTES_PER_MS);
		};
	}

	private long firstAgentAudio(ModAudioStreamEmulator caller, String mode, UUID call) {
		return agentAudioArrivals(caller, mode, call).get(0);
	}

	/** When each piece of agent audio reached FreeSWITCH (file mode: when its broadcast was commanded). */
	private List<Long> agentAudioArrivals(ModAudioStreamEmulator caller, String mode, UUID call) {
		if ("file".equals(mode)) {
			return esl.commands().stream()
				.filter((command) -> command.line().startsWith("api uuid_broadcast " + call))
				.map(FakeFreeSwitchEsl.ReceivedCommand::nanoTime)
				.toList();
		}
		List<Long> arrivals = new ArrayList<>();
		for (Received received : caller.received()) {
			boolean audio = "raw".equals(mode) ? received.isBinary()
					: !received.isBinary() && received.text().startsWith("{\"type\":\"streamAudio\"");
			if (audio) {
				arrivals.add(received.nanos());
			}
		}
		return arrivals;
	}

	private List<Path> broadcastFiles(UUID call) {
		return esl.apiCommands().stream()
			.filter((command) -> command.startsWith("uuid_broadcast " + call))
			.map((command) -> Path.of(command.split(" ")[2]))
			.toList();
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> texts(ModAudioStreamEmulator caller) {
		return caller.received().stream().filter((r) -> !r.isBinary()).map(Received::text).toList();
	}

	private static long last(List<Long> values) {
		return values.get(values.size() - 1);
	}

	/** The utterances the bridge reported to the service for this call, as "role:content". */
	private List<String> utterances(UUID call) {
		return service.findAll(postRequestedFor(urlPathEqualTo("/api/v1/conversations/" + call + "/messages")))
			.stream()
			.map((request) -> json.readTree(request.getBodyAsString()))
			.map((body) -> body.path("role").asString() + ":" + body.path("content").asString())
			.toList();
	}

	private JsonNode awaitEnd(UUID call) {
		var pattern = postRequestedFor(urlPathEqualTo("/api/v1/conversations/" + call + "/end"));
		await().atMost(Duration.ofSeconds(15)).until(() -> !service.findAll(pattern).isEmpty());
		return json.readTree(service.findAll(pattern).get(0).getBodyAsString());
	}

	/** {@code millis} of a loud 300 Hz tone, 16-bit PCM at {@code rate}: speech to the fake's energy detector. */
	static byte[] tone(int rate, int millis) {
		short[] samples = new short[rate * millis / 1000];
		for (int n = 0; n < samples.length; n++) {
			samples[n] = (short) (12000 * Math.sin(2 * Math.PI * 300 * n / rate));
		}
		return Pcm16.toBytes(samples);
	}

}
