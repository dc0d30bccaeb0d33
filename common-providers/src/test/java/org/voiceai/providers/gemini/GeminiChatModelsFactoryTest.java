package org.voiceai.providers.gemini;

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
import org.voiceai.providers.llm.ChatModelContract;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ModelTestKit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code google_gemini}: {@code models/{model}:generateContent} and {@code :streamGenerateContent?alt=sse} with
 * {@code x-goog-api-key}, {@code functionCall} parts, Google's {@code {"error":{code,message,status}}} errors (a
 * wrong key is a 400 with reason {@code API_KEY_INVALID}).
 */
class GeminiChatModelsFactoryTest extends ChatModelContract {

	private static final String MODEL = "gemini-2.5-flash";

	private static final String MODEL_PATH = "/v1beta/models/" + MODEL;

	@Override
	protected ProviderFactory<ChatModels> factory() {
		return new GeminiChatModelsFactory(ModelTestKit.httpErrors());
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1beta", "api_key", API_KEY, "temperature", 0.2, "max_tokens", 256,
				"timeout_seconds", 1);
	}

	@Override
	protected MappingBuilder call(boolean streaming) {
		return streaming ? post(urlPathEqualTo(MODEL_PATH + ":streamGenerateContent")).withQueryParam("alt", equalTo("sse"))
				: post(urlPathEqualTo(MODEL_PATH + ":generateContent"));
	}

	@Override
	protected ResponseDefinitionBuilder textReply(String text) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(candidate("{\"text\":" + quoted(text) + "}", "STOP"));
	}

	@Override
	protected ResponseDefinitionBuilder transferReply() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(transferCandidate());
	}

	@Override
	protected String textStream(List<String> pieces) {
		return pieces.stream()
			.map((piece) -> "data: " + candidate("{\"text\":" + quoted(piece) + "}",
					piece.equals(pieces.get(pieces.size() - 1)) ? "STOP" : null) + "\r\n\r\n")
			.collect(Collectors.joining());
	}

	/** Gemini streams a function call whole, in one chunk. */
	@Override
	protected String transferStream() {
		return "data: " + transferCandidate() + "\r\n\r\n";
	}

	@Override
	protected ResponseDefinitionBuilder badKey(String key) {
		return error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.",
				",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
						+ "\"domain\":\"googleapis.com\","
						+ "\"metadata\":{\"service\":\"generativelanguage.googleapis.com\"}}]");
	}

	@Override
	protected String badKeyMessage() {
		return "API key not valid";
	}

	@Override
	protected ResponseDefinitionBuilder rateLimited() {
		return error(429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).",
				",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}]")
			.withHeader("retry-after", "1");
	}

	@Override
	protected ResponseDefinitionBuilder serverError() {
		return error(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", "");
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1beta", "api_key", API_KEY, "max_tokens", "0");
	}

	@Override
	protected String badConfigKey() {
		return "max_tokens";
	}

	@Override
	protected void assertRequest(LoggedRequest request, JsonNode body) {
		assertThat(request.getUrl()).startsWith(MODEL_PATH + ":").doesNotContain("key=");
		assertThat(request.getHeader("x-goog-api-key")).isEqualTo(API_KEY);
		assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asString()).isEqualTo(SYSTEM_PROMPT);
		assertThat(body.path("contents")).hasSize(1);
		assertThat(body.path("contents").get(0).path("role").asString()).isEqualTo("user");
		assertThat(body.path("contents").get(0).path("parts").get(0).path("text").asString()).isEqualTo(USER_TEXT);
		JsonNode declarations = body.path("tools").get(0).path("functionDeclarations");
		assertThat(declarations).hasSize(2);
		assertThat(declarations.get(0).path("name").asString()).isEqualTo("transfer_call");
		JsonNode parameters = declarations.get(0).path("parameters");
		assertThat(parameters.path("type").asString()).isEqualToIgnoringCase("object");
		assertThat(parameters.path("properties").path("destination").path("type").asString())
			.isEqualToIgnoringCase("string");
		assertThat(declarations.get(1).path("name").asString()).isEqualTo("end_call");
		assertThat(body.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(256);
	}

	@Test
	void defaultsAreGooglesUrlAndACurrentFlashModel() {
		GeminiChatSettings settings = GeminiChatSettings
			.read(ModelTestKit.config(ProviderType.LLM, "google_gemini", Map.of("api_key", API_KEY)));

		assertThat(settings.baseUrl()).hasToString("https://generativelanguage.googleapis.com/v1beta");
		assertThat(settings.model()).isEqualTo(MODEL);
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	private static String candidate(String part, String finishReason) {
		return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[" + part + "]}"
				+ ((finishReason != null) ? ",\"finishReason\":\"" + finishReason + "\"" : "") + ",\"index\":0}],"
				+ "\"usageMetadata\":{\"promptTokenCount\":42,\"candidatesTokenCount\":9,\"totalTokenCount\":51},"
				+ "\"modelVersion\":\"" + MODEL + "\",\"responseId\":\"resp-1\"}";
	}

	private static String transferCandidate() {
		return candidate("{\"functionCall\":{\"name\":\"transfer_call\",\"args\":" + TRANSFER_ARGUMENTS + "}}", "STOP");
	}

	private static ResponseDefinitionBuilder error(int code, String status, String message, String details) {
		return aResponse().withStatus(code)
			.withHeader("Content-Type", "application/json; charset=UTF-8")
			.withBody("{\"error\":{\"code\":" + code + ",\"message\":" + quoted(message) + ",\"status\":\"" + status + "\""
					+ details + "}}");
	}

	private static String quoted(String text) {
		return ModelTestKit.JSON.writeValueAsString(text);
	}

}
