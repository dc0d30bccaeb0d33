package org.voiceai.realtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.realtime.fakes.gemini.FakeLiveSession;
import org.voiceai.realtime.fakes.gemini.GeminiLiveFake;
import org.voiceai.tenant.DomainId;
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
 * A call end to end with Gemini Live as the provider: the mod_audio_stream emulator as FreeSWITCH's media side (8 kHz
 * PCM, converted to Gemini's 16 kHz and back from its 24 kHz), the Gemini Live fake (JSON in binary frames), the ESL
 * fake, WireMock as voice-ai-service and as the apology's text-to-speech provider, and the embedded PostgreSQL. The
 * domain's realtime provider row is a {@code gemini_live} row; everything else is as in {@link RealtimeBridgeTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedDefaults
class GeminiLiveBridgeTest {

	static final String KEY = "AIza-bridge-test";

	static final GeminiLiveFake gemini = GeminiLiveFake.start(KEY);

	static final FakeFreeSwitchEsl esl = FakeFreeSwitchEsl.start().trackChannels();

	static final WireMockServer service = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	static final JsonMapper json = JsonMapper.builder().build();

	/** 8 kHz 16-bit: bytes per millisecond. */
	static final int BYTES_PER_MS = 16;

	static final AtomicInteger FILE_SEQUENCE = new AtomicInteger();

	static {
		service.start();
	}

	@DynamicPropertySource
	static void fakes(DynamicPropertyRegistry registry) {
		registry.add("voice-ai.esl.port", esl::port);
		registry.add("voice-ai.realtime.service-url", service::baseUrl);
		registry.add("voice-ai.realtime.file-chunk", () -> "200ms");
	}

	@AfterAll
	static void stopFakes() {
		gemini.close();
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

	DomainId domain;

	String domainName;

	UUID secretary;

	@BeforeEach
	void domainWithAGeminiLiveRow() {
		service.resetAll();
		service.stubFor(any(urlPathMatching("/api/v1/conversations/.*"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));
		service.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withStatus(200).withBody(tone(24000, 1000))));
		this.domain = new DomainId(UUID.randomUUID());
		this.domainName = "pbx-" + this.domain.value().toString().substring(0, 8) + ".example.com";
		this.secretary = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", this.domain.value())
			.bind("name", this.domainName)
			.then()
			.block();
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name, "
				+ "company_name, processing_mode, language, greeting_message, farewell_message, fallback_message, "
				+ "business_info) VALUES (:uuid, :domain, 'Ana', 'Clínica Sorriso', 'realtime', 'pt-BR', "
				+ "'Clínica Sorriso, bom dia!', 'Obrigada pela ligação, até logo!', "
				+ "'Desculpe, tivemos um problema técnico.', '{\"horario\": \"8h às 18h\"}'::jsonb)")
			.bind("uuid", this.secretary)
			.bind("domain", this.domain.value())
			.then()
			.block();
		this.database.sql("INSERT INTO v_voice_transfer_destinations (domain_uuid, name, aliases, destination_number, "
				+ "department) VALUES (:d, 'Financeiro', '[\"contas\"]', '1001', 'Cobrança')")
			.bind("d", this.domain.value())
			.then()
			.block();
		Map<String, Object> realtime = new LinkedHashMap<>();
		realtime.put("api_key", KEY);
		realtime.put("base_url", gemini.baseUrl());
		realtime.put("voice", "Aoede");
		this.providers.insert(this.domain, new ProviderDraft(ProviderType.REALTIME, "gemini", "Gemini Live", realtime,
				true, 0, true)).block();
		Map<String, Object> tts = new LinkedHashMap<>();
		tts.put("api_key", "sk-tts-test");
		tts.put("base_url", service.baseUrl() + "/v1");
		this.providers.insert(this.domain, new ProviderDraft(ProviderType.TTS, "openai_tts", "OpenAI TTS", tts, true,
				0, true)).block();
		esl.awaitSubscriptions(1, Duration.ofSeconds(20));
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void theGreetingIsHeardAndAQuestionIsAnsweredUntilTheCallerHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			JsonNode setup = session.setup();
			assertThat(setup.path("systemInstruction").toString()).contains("Clínica Sorriso");
			assertThat(setup.path("tools").toString()).contains("transfer_call", "end_call", "take_message");
			assertThat(setup.path("generationConfig").path("speechConfig").path("voiceConfig")
				.path("prebuiltVoiceConfig").path("voiceName").asString()).isEqualTo("Aoede");
			JsonNode greeting = session.awaitReceived("clientContent");
			assertThat(greeting.toString()).contains("Clínica Sorriso, bom dia!");
			assertThat(greeting.path("turnComplete").asBoolean()).isTrue();

			// The fake answers the greeting turn with 300 ms of speech at 24 kHz; the caller hears it at 8 kHz.
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			session.queueReply("Atendemos das 8h às 18h.", Duration.ofMillis(600)).callerWillSay("Qual o horário?");
			caller.speak(tone(8000, 600));
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 900);
			await().atMost(Duration.ofSeconds(10)).until(() -> utterances(call).contains("user:Qual o horário?"));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> utterances(call).contains("assistant:Atendemos das 8h às 18h."));
			JsonNode audio = session.received("realtimeInput").get(0).path("audio");
			assertThat(audio.path("mimeType").asString()).isEqualTo("audio/pcm;rate=16000");

			caller.hangUp();
			assertThat(awaitEnd(call).path("final_action").asString()).isEqualTo("caller_hangup");
			await().atMost(Duration.ofSeconds(5)).until(session::isDisconnected);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void callerSpeechOverTheAgentIsABargeInThatStopsItsAudio(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			FakeLiveSession.Reply reply = session.startSpeaking("Uma resposta bem longa sobre os nossos serviços.",
					Duration.ofSeconds(4));
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= greeting + 1000);
			caller.speak(tone(8000, 500));
			await().atMost(Duration.ofSeconds(5)).until(reply::interrupted);
			long interrupted = session.firstSentNanos("interrupted");
			if ("file".equals(mode)) {
				esl.awaitApiCommand((command) -> command.equals("uuid_break " + call + " all"), Duration.ofSeconds(5));
			}
			else {
				await().atMost(Duration.ofSeconds(5))
					.until(() -> texts(caller).contains("{\"type\":\"clearAudio\"}"));
			}
			Thread.sleep(300);

			// Nothing reaches FreeSWITCH later than one 20 ms frame after Gemini reported the interruption.
			assertThat(agentAudioArrivals(caller, mode, call)).noneMatch((arrival) -> arrival > interrupted + 20_000_000L);
			assertThat(heardMillis(caller, mode, call) - greeting).as("the 4 s reply was cut").isLessThan(3000);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> utterances(call).stream().anyMatch((u) -> u.startsWith("assistant:Uma resposta")));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void aTransferToolCallPlaysTheAnnouncementThenTransfers(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			session.queueReply("Vou transferir você para o financeiro.", Duration.ofSeconds(1));
			String id = session.callTool("transfer_call", "{\"destination\":\"contas\"}");
			FakeFreeSwitchEsl.ReceivedCommand transfer = esl.awaitApiCommand(
					(command) -> command.startsWith("uuid_transfer " + call), Duration.ofSeconds(15));

			assertThat(transfer.line()).isEqualTo("api uuid_transfer " + call + " 1001 XML " + this.domainName);
			assertThat(heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(1000);
			assertThat(transfer.nanoTime()).isGreaterThanOrEqualTo(last(agentAudioArrivals(caller, mode, call)));
			JsonNode response = session.awaitReceived("toolResponse").path("functionResponses").get(0);
			assertThat(response.path("id").asString()).isEqualTo(id);
			assertThat(response.path("name").asString()).isEqualTo("transfer_call");
			assertThat(response.path("response").toString()).contains("Financeiro");
			esl.awaitApiCommand((command) -> command.equals("uuid_audio_stream " + call + " stop"),
					Duration.ofSeconds(5));
			caller.hangUp();
			JsonNode end = awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("transfer");
			assertThat(end.path("transfer_extension").asString()).isEqualTo("1001");
		}
		assertThat(esl.apiCommands().stream().filter((command) -> command.contains("uuid_transfer " + call)))
			.hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void endCallSaysTheFarewellThenHangsUp(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			Thread.sleep(200);
			int greeting = heardMillis(caller, mode, call);

			session.queueReply("Obrigada pela ligação, até logo!", Duration.ofMillis(800));
			session.callTool("end_call", "{\"reason\":\"caller said goodbye\"}");
			FakeFreeSwitchEsl.ReceivedCommand kill = esl.awaitApiCommand(
					(command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			assertThat(heardMillis(caller, mode, call) - greeting).isGreaterThanOrEqualTo(800);
			assertThat(kill.nanoTime()).isGreaterThanOrEqualTo(last(agentAudioArrivals(caller, mode, call)));
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
			assertThat(awaitEnd(call).path("final_action").asString()).isEqualTo("hangup");
			assertThat(session.received("toolResponse")).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "raw", "file" })
	void whenGeminiDropsTheCallerHearsTheApologyAndTheCallEnds(String mode) throws Exception {
		UUID call = UUID.randomUUID();
		int sessions = gemini.sessions().size();
		try (ModAudioStreamEmulator caller = connect(call, mode)) {
			FakeLiveSession session = gemini.awaitSession(sessions).awaitSetupComplete();
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 300);
			session.queueReply("Das 8h às 18h.", Duration.ofMillis(300)).callerWillSay("Qual o horário?");
			caller.speak(tone(8000, 500));
			await().atMost(Duration.ofSeconds(10)).until(() -> utterances(call).contains("user:Qual o horário?"));
			await().atMost(Duration.ofSeconds(10)).until(() -> heardMillis(caller, mode, call) >= 600);
			Thread.sleep(300);
			int before = heardMillis(caller, mode, call);

			session.drop();
			esl.awaitApiCommand((command) -> command.equals("uuid_kill " + call), Duration.ofSeconds(15));

			// The apology: one second of speech from the text-to-speech provider, at the call's 8 kHz.
			assertThat(heardMillis(caller, mode, call) - before).isBetween(960, 1040);
			assertThat(service.findAll(postRequestedFor(urlPathEqualTo("/v1/audio/speech"))).get(0).getBodyAsString())
				.contains("Desculpe, tivemos um problema técnico.");
			JsonNode end = awaitEnd(call);
			assertThat(end.path("final_action").asString()).isEqualTo("error");
			assertThat(end.path("summary").asString()).contains("provider lost");
			assertThat(caller.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(1000);
		}
	}

	private ModAudioStreamEmulator connect(UUID call, String mode) throws InterruptedException {
		esl.addChannel(call.toString());
		URI uri = URI.create("ws://127.0.0.1:" + this.port + "/stream/" + this.secretary + "/" + call
				+ "/5511999990000?domain_uuid=" + this.domain.value() + "&rate=8000&return_mode=" + mode);
		ModAudioStreamEmulator emulator = ModAudioStreamEmulator.connect(uri,
				Map.of("Authorization", "Bearer " + EmbeddedDefaults.SERVICE_TOKEN), 8000, null);
		if ("file".equals(mode)) {
			emulator.onText((text) -> writeAndAnnounce(call, text));
		}
		return emulator;
	}

	/** What mod_audio_stream does with {@code streamAudio}: writes a raw file and fires {@code mod_audio_stream::play}. */
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

	/** Milliseconds of agent audio that reached FreeSWITCH (file mode: that it was asked to play). */
	private int heardMillis(ModAudioStreamEmulator caller, String mode, UUID call) {
		if ("raw".equals(mode)) {
			return caller.received().stream().filter(Received::isBinary).mapToInt((r) -> r.binary().length).sum()
					/ BYTES_PER_MS;
		}
		return (int) (broadcastFiles(call).stream().mapToLong(GeminiLiveBridgeTest::size).sum() / BYTES_PER_MS);
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
			if (received.isBinary()) {
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
