package org.voiceai.service.freeswitch;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.providers.manager.ProviderRowRepository;
import org.voiceai.service.TestTenants;
import org.voiceai.service.audio.SharedAudioDirectory;
import org.voiceai.tenant.DomainId;
import org.voiceai.testing.EmbeddedDefaults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real FreeSWITCH scripts ({@code freeswitch/scripts}) run under Lua 5.2 as mod_lua would run them for one call,
 * with a scripted stand-in for {@code session}/{@code freeswitch} that records every call (freeswitch/test/driver.lua),
 * FusionPBX's settings and secretary read from this PostgreSQL, and every HTTP call going for real through a mod_curl
 * stand-in to this running service, whose STT, LLM and TTS are fakes speaking OpenAI's protocols.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedDefaults
@TestPropertySource(properties = "voice-ai.providers.attempt-timeout=30s")
class LuaCallFlowTest {

	private static final WireMockServer openAi = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DatabaseClient database;

	@Autowired
	ProviderRowRepository providers;

	@Autowired
	SharedAudioDirectory audio;

	@LocalServerPort
	int port;

	@Value("${spring.flyway.url}")
	String jdbcUrl;

	DomainId domain;

	String domainName;

	UUID secretary;

	@BeforeAll
	static void startFakes() {
		Lua.assumeAvailable();
		openAi.start();
	}

	@AfterAll
	static void stopFakes() {
		openAi.stop();
	}

	@BeforeEach
	void setUp() {
		openAi.resetAll();
		fusionPbxSettings();
		this.domain = new TestTenants(this.database).domain();
		this.domainName = this.domain + ".test";
		provider(ProviderType.STT, "whisper_api");
		provider(ProviderType.TTS, "openai_tts");
		provider(ProviderType.LLM, "openai");
		this.secretary = UUID.randomUUID();
		this.database.sql("INSERT INTO v_voice_secretaries (voice_secretary_uuid, domain_uuid, secretary_name, "
				+ "extension, greeting_message, farewell_message, fallback_message, transfer_extension, fallback_action, "
				+ "max_turns, silence_timeout_ms, max_recording_seconds) VALUES (:uuid, :domain, 'Ana', '8000', "
				+ "'Clínica Sorriso, bom dia!', 'Até logo!', 'Não entendi, pode repetir?', '9000', 'operator', 10, "
				+ "1500, 20)")
			.bind("uuid", this.secretary)
			.bind("domain", this.domain.value())
			.then()
			.block();
		this.database.sql("INSERT INTO v_voice_transfer_destinations (domain_uuid, name, destination_number) "
				+ "VALUES (:d, 'Financeiro', '1001')")
			.bind("d", this.domain.value())
			.then()
			.block();
		openAi.stubFor(post("/v1/audio/speech").willReturn(aResponse().withHeader("Content-Type", "audio/pcm")
			.withBody(new byte[4800])));
	}

	@Test
	void threeTurnCallEndsInATransferToTheExtensionInTheDomainContext() throws Exception {
		heard("Bom dia", "Queria a segunda via do boleto", "Pode me passar para o financeiro?");
		replies(text("Olá! Em que posso ajudar?"), text("Claro. Quer que eu transfira para o financeiro?"),
				toolCall("Vou transferir você para o financeiro.", "transfer_call", "{\"destination\": \"financeiro\"}"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("speak", true), Map.of("speak", true), Map.of("speak", true)), "api",
				Map.of("user_exists", "false")));

		List<Map<String, Object>> calls = calls(result);
		assertThat(what(calls)).startsWith("session:answer", "session:setHangupHook", "session:setInputCallback");
		assertThat(calls(calls, "session:recordFile")).hasSize(3)
			.allSatisfy((recording) -> assertThat(args(recording)).element(1).isEqualTo("20"))
			.allSatisfy((recording) -> assertThat(args(recording)).element(3).isEqualTo("2"));
		assertThat(calls(calls, "session:streamFile")).hasSize(4)
			.allSatisfy((play) -> assertThat(args(play)).element(1).isEqualTo("playable"));
		List<Map<String, Object>> chats = requests(calls, "/api/v1/chat");
		assertThat(chats).hasSize(3);
		assertThat(json.readValue((String) chats.get(1).get("data"), Map.class)).containsEntry("session_id",
				call.toString()).containsEntry("secretary_uuid", this.secretary.toString())
			.containsEntry("user_message", "Queria a segunda via do boleto");
		assertThat(args(only(calls, "session:transfer"))).containsExactly("1001", "XML", this.domainName);
		assertThat(only(calls, "hangup_hook").get("args")).isEqualTo(List.of("transfer"));
		// the conversation was closed before the channel left: transfer, to 1001
		assertThat(conversation(call)).containsEntry("status", "ended")
			.containsEntry("final_action", "transfer")
			.containsEntry("transfer_extension", "1001");
		// mod_curl's argument format: one data token, the token header quoted, the domain header
		String arguments = args(chats.get(0)).get(0);
		assertThat(arguments).contains("'Authorization: Bearer " + EmbeddedDefaults.SERVICE_TOKEN + "'")
			.contains("append_headers X-Domain-UUID:" + this.domain)
			.contains(" json ")
			.endsWith(arguments.substring(arguments.lastIndexOf(" post ")));
		assertThat(arguments.substring(arguments.lastIndexOf(" post ") + 6)).doesNotContain(" ", "'", "\\", "\"");
	}

	@Test
	void aLocalUserWhoDoesNotAnswerLeadsToTheSecretarysFallbackAction() throws Exception {
		heard("Quero falar com o financeiro");
		replies(toolCall("Transferindo.", "transfer_call", "{\"destination\": \"financeiro\"}"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller", List.of(Map.of("speak", true)),
				"api", Map.of("user_exists", "true", "sofia_contact", "sofia/internal/sip:1001@10.0.0.5:5060"),
				"bridge", Map.of("user/1001@" + this.domainName, "no_answer")));

		List<Map<String, Object>> calls = calls(result);
		assertThat(args(only(calls, "api:sofia_contact"))).containsExactly("*/1001@" + this.domainName);
		assertThat(args(only(calls, "session:execute"))).containsExactly("bridge", "user/1001@" + this.domainName);
		// fallback_action operator: the secretary's transfer extension, in the domain's context
		assertThat(args(only(calls, "session:transfer"))).containsExactly("9000", "XML", this.domainName);
		assertThat(conversation(call)).containsEntry("final_action", "operator")
			.containsEntry("transfer_extension", "9000");
	}

	@Test
	void aGoodbyeHangsUpAfterTheFarewell() throws Exception {
		heard("Era só isso, obrigado");
		replies(toolCall("Obrigada pela ligação, até logo!", "end_call", "{\"reason\": \"bye\"}"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller", List.of(Map.of("speak", true))));

		List<Map<String, Object>> calls = calls(result);
		List<String> order = what(calls);
		assertThat(order.lastIndexOf("session:streamFile")).isLessThan(order.indexOf("session:hangup"));
		assertThat(requests(calls, "/api/v1/synthesize")).last()
			.satisfies((synth) -> assertThat((String) synth.get("data")).contains("Obrigada pela ligação, até logo!"));
		assertThat(calls(calls, "session:transfer")).isEmpty();
		assertThat(conversation(call)).containsEntry("final_action", "hangup");
	}

	@Test
	void aCallerHangingUpMidTurnStillClosesTheConversation() throws Exception {
		heard("Bom dia");
		replies(text("Olá! Em que posso ajudar?"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("speak", true), Map.of("hangup", true))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(only(calls, "hangup_hook").get("args")).isEqualTo(List.of("hangup"));
		assertThat(requests(calls, "/api/v1/chat")).hasSize(1);
		assertThat(requests(calls, "/end")).singleElement()
			.satisfies((end) -> assertThat(end.get("status")).isEqualTo(200));
		assertThat(what(calls)).doesNotContain("script_error");
		assertThat(conversation(call)).containsEntry("status", "ended").containsEntry("final_action", "abandoned");
	}

	@Test
	void silenceTwiceRepromptsOnceThenEndsPolitely() throws Exception {
		heard("Bom dia", "", "");
		replies(text("Olá! Em que posso ajudar?"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("speak", true), Map.of("silence", true), Map.of("silence", true))));

		List<Map<String, Object>> calls = calls(result);
		List<String> spoken = requests(calls, "/api/v1/synthesize").stream()
			.map((synth) -> (String) json.readValue((String) synth.get("data"), Map.class).get("text"))
			.toList();
		assertThat(spoken).containsExactly("Clínica Sorriso, bom dia!", "Olá! Em que posso ajudar?",
				"Não entendi, pode repetir?", "Como não ouvi resposta, vou encerrar a ligação. Obrigada pela ligação, até logo!");
		assertThat(requests(calls, "/api/v1/chat")).hasSize(1);
		assertThat(what(calls)).endsWith("session:hangup", "hangup_hook", "script_end");
		assertThat(conversation(call)).containsEntry("final_action", "no_input");
	}

	@Test
	void aCallerSilentFromTheStartStillHasAConversationThatIsClosed() throws Exception {
		heard("", "");
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("silence", true), Map.of("silence", true))));

		assertThat(requests(calls(result), "/api/v1/chat")).isEmpty();
		assertThat(conversation(call)).containsEntry("final_action", "no_input");
	}

	@Test
	void withTheServiceUnreachableTheCallerHearsTheFallbackAndGoesToTheFallbackDestination() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		// a domain setting wins over the default setting, as in FusionPBX
		this.database.sql("INSERT INTO v_domain_settings (domain_setting_uuid, domain_uuid, domain_setting_category, "
				+ "domain_setting_subcategory, domain_setting_name, domain_setting_value, domain_setting_enabled) "
				+ "VALUES (gen_random_uuid(), :d, 'voice_secretary', 'service_url', 'text', :url, true)")
			.bind("d", this.domain.value())
			.bind("url", "http://127.0.0.1:" + closed)
			.then()
			.block();
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller", List.of(Map.of("speak", true))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(args(only(calls, "session:streamFile"))).containsExactly("ivr/ivr-one_moment_please.wav", "playable");
		assertThat(args(only(calls, "session:transfer"))).containsExactly("9000", "XML", this.domainName);
		assertThat(calls(calls, "session:recordFile")).isEmpty();
		assertThat(calls(calls, "api:curl")).isNotEmpty()
			.allSatisfy((curl) -> assertThat(curl.get("status")).isEqualTo(0));
		openAi.verify(0, postRequestedFor(anyUrl()));
	}

	@Test
	void dtmfZeroGoesToTheOperator() throws Exception {
		heard("Bom dia");
		replies(text("Olá! Em que posso ajudar?"));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("speak", true), Map.of("dtmf", "0"))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(args(only(calls, "input_callback"))).containsExactly("0", "break");
		assertThat(args(only(calls, "session:transfer"))).containsExactly("9000", "XML", this.domainName);
		// the recording interrupted by 0 is never transcribed
		assertThat(requests(calls, "/api/v1/transcribe")).hasSize(1);
		openAi.verify(1, postRequestedFor(urlEqualTo("/v1/audio/transcriptions")));
		assertThat(conversation(call)).containsEntry("final_action", "operator")
			.containsEntry("transfer_extension", "9000");
	}

	@Test
	void maxTurnsHandsTheCallerToTheOperator() throws Exception {
		this.database.sql("UPDATE v_voice_secretaries SET max_turns = 2 WHERE voice_secretary_uuid = :s")
			.bind("s", this.secretary)
			.then()
			.block();
		heard("Bom dia", "E o horário?");
		replies(text("Olá! Em que posso ajudar?"), text("Das 8h às 18h."));
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "secretary_ai.lua", Map.of("caller",
				List.of(Map.of("speak", true), Map.of("speak", true))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(calls(calls, "session:recordFile")).hasSize(2);
		assertThat(args(only(calls, "session:transfer"))).containsExactly("9000", "XML", this.domainName);
		assertThat(conversation(call)).containsEntry("final_action", "max_turns");
	}

	@Test
	void realtimeModeSetsTheStreamVariablesAndStartsTheStreamWithTheContractUrl() throws Exception {
		UUID call = UUID.randomUUID();
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("voice_secretary_mode", "realtime");
		variables.put("caller_id_name", "Maria Silva");

		Map<String, Object> result = run(call, "get_secretary_mode.lua", Map.of("variables", variables, "api",
				Map.of("uuid_audio_stream", "+OK Success\n"), "events",
				List.of(Map.of("subclass", "mod_audio_stream::connect", "body", "{\"status\":\"connected\"}")),
				"sleep_limit", 5));

		List<Map<String, Object>> calls = calls(result);
		Map<String, String> set = new LinkedHashMap<>();
		calls(calls, "session:setVariable").forEach((c) -> set.put(args(c).get(0), args(c).get(1)));
		assertThat(set).containsEntry("STREAM_MESSAGE_DEFLATE", "true")
			.containsEntry("STREAM_HEART_BEAT", "15")
			.containsEntry("STREAM_EXTRA_HEADERS",
					"{\"Authorization\":\"Bearer " + EmbeddedDefaults.SERVICE_TOKEN + "\"}")
			.containsEntry("voice_secretary_mode", "realtime")
			.doesNotContainKey("STREAM_PLAYBACK");
		List<String> order = what(calls);
		assertThat(order.indexOf("session:answer")).isGreaterThan(order.lastIndexOf("session:setVariable"));
		List<String> streams = calls(calls, "api:uuid_audio_stream").stream().map((c) -> args(c).get(0)).toList();
		assertThat(streams).containsExactly(call + " start ws://127.0.0.1:8080/stream/" + this.secretary + "/" + call
				+ "/5511999990000?domain_uuid=" + this.domain + "&rate=8000&return_mode=file mono 8000 "
				+ "{\"caller_id_name\":\"Maria Silva\",\"caller_id_number\":\"5511999990000\","
				+ "\"destination_number\":\"8000\"}");
		assertThat(order).doesNotContain("session:recordFile", "script_error");
	}

	@Test
	void aRefusedStreamFallsBackToTurnBasedMode() throws Exception {
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "voice_secretary_realtime.lua", Map.of("api",
				Map.of("uuid_audio_stream", "+OK Success\n"), "events",
				List.of(Map.of("subclass", "mod_audio_stream::error", "body",
						"{\"status\":\"error\",\"message\":{\"code\":6,\"error\":\"Connection refused\"}}")),
				"caller", List.of(Map.of("hangup", true))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(calls(calls, "api:uuid_audio_stream").stream().map((c) -> args(c).get(0)))
			.containsExactly(call + " start ws://127.0.0.1:8080/stream/" + this.secretary + "/" + call
					+ "/5511999990000?domain_uuid=" + this.domain + "&rate=8000&return_mode=file mono 8000 "
					+ "{\"caller_id_name\":\"\",\"caller_id_number\":\"5511999990000\",\"destination_number\":\"8000\"}",
					call + " stop");
		// turn-based took over: greeting, then the caller was recorded
		assertThat(calls(calls, "session:recordFile")).hasSize(1);
		assertThat(what(calls)).doesNotContain("script_error");
	}

	@Test
	void autoModeWithoutMediaStreamModuleIsTurnBased() throws Exception {
		this.database.sql("UPDATE v_voice_secretaries SET processing_mode = 'auto' WHERE voice_secretary_uuid = :s")
			.bind("s", this.secretary)
			.then()
			.block();
		UUID call = UUID.randomUUID();

		Map<String, Object> result = run(call, "get_secretary_mode.lua", Map.of("api",
				Map.of("module_exists", "false"), "caller", List.of(Map.of("hangup", true))));

		List<Map<String, Object>> calls = calls(result);
		assertThat(args(only(calls, "api:module_exists"))).containsExactly("mod_audio_stream");
		assertThat(calls(calls, "session:setVariable")).anySatisfy((c) -> assertThat(args(c))
			.containsExactly("voice_secretary_mode", "turn_based"));
		assertThat(calls(calls, "session:recordFile")).hasSize(1);
		assertThat(calls(calls, "api:uuid_audio_stream")).isEmpty();
	}

	// scenario plumbing ----------------------------------------------------------------------------------------------

	private Map<String, Object> run(UUID call, String script, Map<String, Object> scenario) throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("uuid", call.toString());
		variables.put("domain_uuid", this.domain.toString());
		variables.put("domain_name", this.domainName);
		variables.put("voice_secretary_uuid", this.secretary.toString());
		variables.put("caller_id_number", "5511999990000");
		variables.put("destination_number", "8000");
		@SuppressWarnings("unchecked")
		Map<String, Object> extra = (Map<String, Object>) scenario.getOrDefault("variables", Map.of());
		variables.putAll(extra);
		Map<String, Object> full = new LinkedHashMap<>(scenario);
		full.put("script", script);
		full.put("variables", variables);
		Path scenarioFile = Files.createTempFile("lua-scenario", ".json");
		Path recordFile = Files.createTempFile("lua-record", ".json");
		Files.writeString(scenarioFile, json.writeValueAsString(full));
		String db = this.jdbcUrl.replaceFirst("^jdbc:postgresql://([^:/]+):(\\d+)/(.+)$", "$1:$2:$3") + ":postgres:postgres";
		Lua.Result result = Lua.run(List.of("lua5.2", "freeswitch/test/driver.lua", scenarioFile.toString(),
				recordFile.toString()), Map.of("VOICE_AI_TEST_DB", db), 120);
		assertThat(result).isNotNull();
		assertThat(result.exitCode()).as(result.err()).isZero();
		@SuppressWarnings("unchecked")
		Map<String, Object> record = json.readValue(Files.readString(recordFile, StandardCharsets.UTF_8), Map.class);
		Files.deleteIfExists(scenarioFile);
		Files.deleteIfExists(recordFile);
		assertThat(what(calls(record))).as(result.err()).doesNotContain("script_error", "caller_out_of_script");
		return record;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> calls(Map<String, Object> record) {
		return (List<Map<String, Object>>) record.get("calls");
	}

	private static List<String> what(List<Map<String, Object>> calls) {
		return calls.stream().map((c) -> (String) c.get("what")).toList();
	}

	private static List<Map<String, Object>> calls(List<Map<String, Object>> calls, String what) {
		return calls.stream().filter((c) -> what.equals(c.get("what"))).toList();
	}

	private static Map<String, Object> only(List<Map<String, Object>> calls, String what) {
		List<Map<String, Object>> found = calls(calls, what);
		assertThat(found).as(what + " in " + what(calls)).hasSize(1);
		return found.get(0);
	}

	@SuppressWarnings("unchecked")
	private static List<String> args(Map<String, Object> call) {
		return new ArrayList<>(((List<Object>) call.get("args")).stream().map(String::valueOf).toList());
	}

	private static List<Map<String, Object>> requests(List<Map<String, Object>> calls, String pathEnd) {
		return calls(calls, "api:curl").stream().filter((c) -> ((String) c.get("url")).endsWith(pathEnd)).toList();
	}

	private Map<String, Object> conversation(UUID call) {
		return this.database.sql("SELECT conversation_status AS status, final_action, transfer_extension FROM v_voice_conversations "
				+ "WHERE domain_uuid = :d AND call_uuid = :c")
			.bind("d", this.domain.value())
			.bind("c", call)
			.fetch()
			.one()
			.block();
	}

	// fakes and fixtures ---------------------------------------------------------------------------------------------

	/** What the fake speech-to-text hears, one recording after the other ("" = silence). */
	private static void heard(String... texts) {
		sequence("/v1/audio/transcriptions", "stt", java.util.Arrays.stream(texts)
			.map((text) -> "{\"task\": \"transcribe\", \"language\": \"portuguese\", \"duration\": 1.0, \"text\": \""
					+ text + "\"}")
			.toList());
	}

	/** What the fake chat model answers, turn after turn. */
	private static void replies(String... completions) {
		sequence("/v1/chat/completions", "llm", List.of(completions));
	}

	private static void sequence(String path, String name, List<String> bodies) {
		for (int i = 0; i < bodies.size(); i++) {
			openAi.stubFor(post(path).inScenario(name)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : name + i)
				.willSetStateTo(name + (i + 1))
				.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(bodies.get(i))));
		}
	}

	private static String text(String content) {
		return completion("{\"role\": \"assistant\", \"content\": \"" + content + "\"}", "stop");
	}

	private static String toolCall(String content, String tool, String arguments) {
		return completion("{\"role\": \"assistant\", \"content\": \"" + content + "\", \"tool_calls\": [{\"id\": "
				+ "\"call_1\", \"type\": \"function\", \"function\": {\"name\": \"" + tool + "\", \"arguments\": \""
				+ arguments.replace("\"", "\\\"") + "\"}}]}", "tool_calls");
	}

	private static String completion(String message, String finishReason) {
		return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", \"created\": 1767225600, \"model\": "
				+ "\"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"message\": " + message + ", \"finish_reason\": \""
				+ finishReason + "\"}], \"usage\": {\"prompt_tokens\": 30, \"completion_tokens\": 12, "
				+ "\"total_tokens\": 42}}";
	}

	private void provider(ProviderType<?> type, String name) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("api_key", "sk-test-" + name);
		config.put("base_url", openAi.baseUrl() + "/v1");
		if (type == ProviderType.LLM) {
			config.put("model", "gpt-4o-mini");
		}
		this.providers.insert(this.domain, new ProviderDraft(type, name, name, config, true, 0, true)).block();
	}

	/**
	 * FusionPBX's settings tables (as FusionPBX 5.5 creates them) with the voice_secretary default settings the
	 * scripts read: this service, its token, and the audio directory it shares.
	 */
	private void fusionPbxSettings() {
		this.database.sql("CREATE TABLE IF NOT EXISTS v_default_settings (default_setting_uuid uuid PRIMARY KEY, "
				+ "app_uuid uuid, default_setting_category text, default_setting_subcategory text, "
				+ "default_setting_name text, default_setting_value text, default_setting_order numeric, "
				+ "default_setting_enabled boolean, default_setting_description text)").then().block();
		this.database.sql("CREATE TABLE IF NOT EXISTS v_domain_settings (domain_setting_uuid uuid PRIMARY KEY, "
				+ "domain_uuid uuid, app_uuid uuid, domain_setting_category text, domain_setting_subcategory text, "
				+ "domain_setting_name text, domain_setting_value text, domain_setting_order numeric, "
				+ "domain_setting_enabled boolean, domain_setting_description text)").then().block();
		this.database.sql("DELETE FROM v_default_settings WHERE default_setting_category = 'voice_secretary'")
			.then()
			.block();
		Map<String, String> settings = Map.of("service_url", "http://127.0.0.1:" + this.port, "service_token",
				EmbeddedDefaults.SERVICE_TOKEN, "audio_dir", this.audio.root().toString(), "http_timeout", "30");
		settings.forEach((subcategory, value) -> this.database
			.sql("INSERT INTO v_default_settings (default_setting_uuid, default_setting_category, "
					+ "default_setting_subcategory, default_setting_name, default_setting_value, "
					+ "default_setting_enabled) VALUES (gen_random_uuid(), 'voice_secretary', :sub, 'text', :value, true)")
			.bind("sub", subcategory)
			.bind("value", value)
			.then()
			.block());
	}

}
