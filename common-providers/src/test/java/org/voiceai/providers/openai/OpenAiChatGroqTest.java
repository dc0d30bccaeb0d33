package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code groq}: OpenAI's protocol under {@code /openai/v1}, bearer key. */
class OpenAiChatGroqTest extends OpenAiChatProtocolContract {

	@Override
	protected OpenAiChatVariant variant() {
		return OpenAiChatVariant.GROQ;
	}

	@Override
	protected String basePath() {
		return "/openai/v1";
	}

	@Override
	protected String expectedModel() {
		return "llama-3.3-70b-versatile";
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/openai/v1", "api_key", API_KEY, "timeout_seconds", 1);
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
		assertThat(request.containsHeader("api-key")).isFalse();
	}

	@Test
	void defaultsAreGroqsUrl() {
		OpenAiChatSettings settings = OpenAiChatSettings
			.read(ModelTestKit.config(ProviderType.LLM, "groq", Map.of("api_key", API_KEY)), variant());

		assertThat(settings.baseUrl()).hasToString("https://api.groq.com/openai/v1");
		assertThat(settings.model()).isEqualTo("llama-3.3-70b-versatile");
	}

}
