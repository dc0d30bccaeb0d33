package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lmstudio_local}: LM Studio's OpenAI-compatible server, no key, model {@code local-model}. */
class OpenAiChatLmStudioLocalTest extends OpenAiChatProtocolContract {

	@Override
	protected OpenAiChatVariant variant() {
		return OpenAiChatVariant.LMSTUDIO_LOCAL;
	}

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected String expectedModel() {
		return "qwen2.5-7b-instruct";
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "model", "qwen2.5-7b-instruct", "timeout_seconds", 1);
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Test
	void defaultsAreTheLocalServer() {
		OpenAiChatSettings settings = OpenAiChatSettings
			.read(ModelTestKit.config(ProviderType.LLM, "lmstudio_local", Map.of()), variant());

		assertThat(settings.baseUrl()).hasToString("http://localhost:1234/v1");
		assertThat(settings.model()).isEqualTo("local-model");
	}

}
