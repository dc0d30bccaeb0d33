package org.voiceai.providers.openai;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code openai}: OpenAI's own Chat Completions API. */
class OpenAiChatModelsFactoryTest extends OpenAiChatProtocolContract {

	@Override
	protected OpenAiChatVariant variant() {
		return OpenAiChatVariant.OPENAI;
	}

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected String expectedModel() {
		return "gpt-4o-mini";
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "api_key", ModelTestKit.encrypted(API_KEY), "temperature", "0.3",
				"max_tokens", 200, "organization", "org-exemplo", "timeout_seconds", 1);
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.getHeader("OpenAI-Organization")).isEqualTo("org-exemplo");
	}

	@Override
	protected void assertRequest(LoggedRequest request, JsonNode body) {
		super.assertRequest(request, body);
		assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
		assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
	}

	@Test
	void defaultsAreOpenAisUrlAndGpt4oMini() {
		OpenAiChatSettings settings = OpenAiChatSettings.read(
				ModelTestKit.config(org.voiceai.providers.ProviderType.LLM, "openai", Map.of("api_key", API_KEY)),
				OpenAiChatVariant.OPENAI);

		assertThat(settings.baseUrl()).hasToString("https://api.openai.com/v1");
		assertThat(settings.model()).isEqualTo("gpt-4o-mini");
		assertThat(settings.options().timeout()).hasSeconds(30);
		assertThat(settings.options().temperature()).isNull();
		assertThat(settings.toString()).doesNotContain(API_KEY);
	}

	@Test
	void aRowWithoutKeyIsRefused() {
		assertThatThrownBy(() -> models(Map.of("base_url", fakeUrl() + "/v1")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'api_key' is missing");
		assertThat(requests()).isEmpty();
	}

	@Test
	void anOutOfRangeTemperatureIsRefused() {
		Map<String, Object> values = new HashMap<>(config(fakeUrl()));
		values.put("temperature", "7");

		assertThatThrownBy(() -> models(values)).isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'temperature' must be between 0 and 2");
		assertThat(requests()).isEmpty();
	}

}
