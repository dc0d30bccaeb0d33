package org.voiceai.providers.openai;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.llm.ChatModelContract;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ModelTestKit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat contract for every service spoken to with OpenAI's Chat Completions protocol
 * ({@code POST {base}/chat/completions}, SSE with {@code data: [DONE]}, {@code {"error":{…}}} errors); subclasses
 * give the service's variant, base path, model and authentication.
 */
abstract class OpenAiChatProtocolContract extends ChatModelContract {

	protected abstract OpenAiChatVariant variant();

	/** Where the fake serves the API, e.g. {@code /v1}. */
	protected abstract String basePath();

	/** The {@code model} the request must carry. */
	protected abstract String expectedModel();

	/** Checks how the row's key was sent. */
	protected abstract void assertAuthentication(LoggedRequest request);

	@Override
	protected ProviderFactory<ChatModels> factory() {
		return new OpenAiChatModelsFactory(variant(), ModelTestKit.httpErrors());
	}

	@Override
	protected MappingBuilder call(boolean streaming) {
		return post(urlPathEqualTo(basePath() + "/chat/completions"))
			.withRequestBody(matchingJsonPath("$.stream", equalTo(String.valueOf(streaming))));
	}

	@Override
	protected ResponseDefinitionBuilder textReply(String text) {
		return completion("{\"role\":\"assistant\",\"content\":" + quoted(text) + ",\"refusal\":null}", "stop");
	}

	@Override
	protected ResponseDefinitionBuilder transferReply() {
		return completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\","
				+ "\"function\":{\"name\":\"transfer_call\",\"arguments\":" + quoted(TRANSFER_ARGUMENTS) + "}}]}",
				"tool_calls");
	}

	@Override
	protected String textStream(List<String> pieces) {
		return chunk("{\"role\":\"assistant\",\"content\":\"\"}", null)
				+ pieces.stream()
					.map((piece) -> chunk("{\"content\":" + quoted(piece) + "}", null))
					.collect(Collectors.joining())
				+ chunk("{}", "stop") + usageChunk() + "data: [DONE]\n\n";
	}

	@Override
	protected String transferStream() {
		return chunk("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
				+ "\"type\":\"function\",\"function\":{\"name\":\"transfer_call\",\"arguments\":\"\"}}]}", null)
				+ argumentsChunk("{\\\"desti") + argumentsChunk("nation\\\":\\\"fin") + argumentsChunk("anceiro\\\"}")
				+ chunk("{}", "tool_calls") + usageChunk() + "data: [DONE]\n\n";
	}

	@Override
	protected ResponseDefinitionBuilder badKey(String key) {
		return error(401, "Incorrect API key provided: " + key
				+ ". You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error",
				"invalid_api_key");
	}

	@Override
	protected String badKeyMessage() {
		return "Incorrect API key provided";
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "Rate limit reached for requests", "requests", "rate_limit_exceeded")
			.withHeader("retry-after", "1")
			.withHeader("x-ratelimit-remaining-requests", "0");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(500, "The server had an error while processing your request. Sorry about that!", "server_error",
				null);
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("base_url", "localhost:1234/v1", "api_key", API_KEY);
	}

	@Override
	protected String badConfigKey() {
		return "base_url";
	}

	@Override
	protected void assertRequest(LoggedRequest request, JsonNode body) {
		assertThat(request.getUrl()).isEqualTo(basePath() + "/chat/completions");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertAuthentication(request);
		assertThat(body.path("model").asString()).isEqualTo(expectedModel());
		assertThat(body.path("messages")).hasSize(2);
		assertThat(body.path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(body.path("messages").get(0).path("content").asString()).isEqualTo(SYSTEM_PROMPT);
		assertThat(body.path("messages").get(1).path("role").asString()).isEqualTo("user");
		assertThat(body.path("messages").get(1).path("content").asString()).isEqualTo(USER_TEXT);
		JsonNode tools = body.path("tools");
		assertThat(tools).hasSize(2);
		assertThat(tools.get(0).path("type").asString()).isEqualTo("function");
		assertThat(tools.get(0).path("function").path("name").asString()).isEqualTo("transfer_call");
		JsonNode parameters = tools.get(0).path("function").path("parameters");
		assertThat(parameters.path("type").asString()).isEqualTo("object");
		assertThat(parameters.path("properties").path("destination").path("type").asString()).isEqualTo("string");
		assertThat(parameters.path("required").get(0).asString()).isEqualTo("destination");
		assertThat(tools.get(1).path("function").path("name").asString()).isEqualTo("end_call");
	}

	protected static String quoted(String text) {
		return ModelTestKit.JSON.writeValueAsString(text);
	}

	protected static ResponseDefinitionBuilder error(int status, String message, String type, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_1")
			.withBody("{\"error\":{\"message\":" + quoted(message) + ",\"type\":" + quoted(type)
					+ ",\"param\":null,\"code\":" + ((code != null) ? quoted(code) : "null") + "}}");
	}

	private ResponseDefinitionBuilder completion(String message, String finishReason) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":"
					+ quoted(expectedModel()) + ",\"choices\":[{\"index\":0,\"message\":" + message
					+ ",\"finish_reason\":\"" + finishReason + "\",\"logprobs\":null}],"
					+ "\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":9,\"total_tokens\":51}}");
	}

	private String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
				+ quoted(expectedModel()) + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}\n\n";
	}

	private String argumentsChunk(String escapedPiece) {
		return chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"" + escapedPiece + "\"}}]}", null);
	}

	private String usageChunk() {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
				+ quoted(expectedModel()) + ",\"choices\":[],\"usage\":{\"prompt_tokens\":42,\"completion_tokens\":9,"
				+ "\"total_tokens\":51}}\n\n";
	}

}
