package org.voiceai.providers.anthropic;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderUnavailableException;
import org.voiceai.providers.llm.ChatModelContract;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ModelTestKit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code anthropic}: the Messages API ({@code x-api-key}, {@code anthropic-version}, SSE with {@code event:} lines,
 * {@code tool_use} blocks, {@code {"type":"error","error":{…}}} errors, 529 when overloaded).
 */
class AnthropicChatModelsFactoryTest extends ChatModelContract {

	private static final String MODEL = "claude-sonnet-4-20250514";

	@Override
	protected ProviderFactory<ChatModels> factory() {
		return new AnthropicChatModelsFactory(ModelTestKit.httpErrors());
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "api_key", API_KEY, "timeout_seconds", 1);
	}

	@Override
	protected MappingBuilder call(boolean streaming) {
		return post(urlPathEqualTo("/v1/messages"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo(String.valueOf(streaming))));
	}

	@Override
	protected ResponseDefinitionBuilder textReply(String text) {
		return message("[{\"type\":\"text\",\"text\":" + quoted(text) + "}]", "end_turn");
	}

	@Override
	protected ResponseDefinitionBuilder transferReply() {
		return message("[{\"type\":\"text\",\"text\":\"Vou transferir.\"},{\"type\":\"tool_use\",\"id\":\"toolu_01\","
				+ "\"name\":\"transfer_call\",\"input\":" + TRANSFER_ARGUMENTS + "}]", "tool_use");
	}

	@Override
	protected String textStream(List<String> pieces) {
		return messageStart() + event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}")
				+ event("ping", "{\"type\":\"ping\"}")
				+ pieces.stream()
					.map((piece) -> event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
							+ "\"delta\":{\"type\":\"text_delta\",\"text\":" + quoted(piece) + "}}"))
					.collect(Collectors.joining())
				+ event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}") + messageEnd("end_turn");
	}

	@Override
	protected String transferStream() {
		return messageStart() + event("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"toolu_01\","
						+ "\"name\":\"transfer_call\",\"input\":{}}}")
				+ inputDelta("") + inputDelta("{\"desti") + inputDelta("nation\": \"fin") + inputDelta("anceiro\"}")
				+ event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}") + messageEnd("tool_use");
	}

	@Override
	protected ResponseDefinitionBuilder badKey(String key) {
		return error(401, "authentication_error", "invalid x-api-key: " + key);
	}

	@Override
	protected String badKeyMessage() {
		return "invalid x-api-key";
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit")
			.withHeader("retry-after", "1")
			.withHeader("anthropic-ratelimit-requests-remaining", "0");
	}

	/** Anthropic's own "overloaded" status. */
	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(529, "overloaded_error", "Overloaded");
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1");
	}

	@Override
	protected String badConfigKey() {
		return "api_key";
	}

	@Override
	protected void assertRequest(LoggedRequest request, JsonNode body) {
		assertThat(request.getUrl()).isEqualTo("/v1/messages");
		assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY);
		assertThat(request.getHeader("anthropic-version")).isEqualTo("2023-06-01");
		assertThat(request.containsHeader("Authorization")).isFalse();
		assertThat(body.path("model").asString()).isEqualTo(MODEL);
		assertThat(body.path("max_tokens").asInt()).isEqualTo(500);
		assertThat(systemText(body.path("system"))).isEqualTo(SYSTEM_PROMPT);
		assertThat(body.path("messages")).hasSize(1);
		JsonNode user = body.path("messages").get(0);
		assertThat(user.path("role").asString()).isEqualTo("user");
		assertThat(user.path("content").get(0).path("text").asString()).isEqualTo(USER_TEXT);
		JsonNode tools = body.path("tools");
		assertThat(tools).hasSize(2);
		assertThat(tools.get(0).path("name").asString()).isEqualTo("transfer_call");
		JsonNode schema = tools.get(0).path("input_schema");
		assertThat(schema.path("type").asString()).isEqualTo("object");
		assertThat(schema.path("properties").path("destination").path("type").asString()).isEqualTo("string");
		assertThat(schema.path("required").get(0).asString()).isEqualTo("destination");
		assertThat(tools.get(1).path("name").asString()).isEqualTo("end_call");
	}

	@Test
	void anOverloadedEventInTheMiddleOfAStreamIsUnavailable() {
		fake.stubFor(call(true).willReturn(sse(messageStart()
				+ event("error",
						"{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))));

		assertThatThrownBy(() -> models().stream(request()).collectList().block())
			.isInstanceOf(ProviderUnavailableException.class)
			.hasMessageContaining("Overloaded");
	}

	@Test
	void maxTokensAndModelAreConfigurable() {
		AnthropicChatSettings settings = AnthropicChatSettings.read(ModelTestKit.config(ProviderType.LLM, "anthropic",
				Map.of("api_key", API_KEY, "model", "claude-3-5-haiku-latest", "max_tokens", "300")));

		assertThat(settings.model()).isEqualTo("claude-3-5-haiku-latest");
		assertThat(settings.options().maxTokens()).isEqualTo(300);
		assertThat(settings.baseUrl()).hasToString("https://api.anthropic.com/v1");
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	/** langchain4j sends the system prompt as text blocks; the API accepts a plain string too. */
	private static String systemText(JsonNode system) {
		return system.isString() ? system.asString() : system.get(0).path("text").asString();
	}

	private static String quoted(String text) {
		return ModelTestKit.JSON.writeValueAsString(text);
	}

	private static ResponseDefinitionBuilder message(String content, String stopReason) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"msg_01\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + MODEL
					+ "\",\"content\":" + content + ",\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":null,"
					+ "\"usage\":{\"input_tokens\":42,\"output_tokens\":9}}");
	}

	private static ResponseDefinitionBuilder error(int status, String type, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("request-id", "req_01")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + quoted(message) + "}}");
	}

	private static String event(String type, String data) {
		return "event: " + type + "\ndata: " + data + "\n\n";
	}

	private static String messageStart() {
		return event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01\",\"type\":\"message\","
				+ "\"role\":\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[],\"stop_reason\":null,"
				+ "\"stop_sequence\":null,\"usage\":{\"input_tokens\":42,\"output_tokens\":1}}}");
	}

	private static String messageEnd(String stopReason) {
		return event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
				+ "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}")
				+ event("message_stop", "{\"type\":\"message_stop\"}");
	}

	private static String inputDelta(String partialJson) {
		return event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
				+ "\"input_json_delta\",\"partial_json\":" + quoted(partialJson) + "}}");
	}

}
