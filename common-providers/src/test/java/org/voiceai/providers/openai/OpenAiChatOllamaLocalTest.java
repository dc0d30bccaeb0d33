package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ollama_local}: Ollama's OpenAI-compatible API under {@code /v1}, no key. Rows written for the Python
 * reference hold Ollama's bare URL ({@code http://localhost:11434}), which must reach {@code /v1} too.
 */
class OpenAiChatOllamaLocalTest extends OpenAiChatProtocolContract {

	@Override
	protected OpenAiChatVariant variant() {
		return OpenAiChatVariant.OLLAMA_LOCAL;
	}

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected String expectedModel() {
		return "llama3.2";
	}

	/** The reference's form: the server's root, no key. */
	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl, "timeout_seconds", 1);
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Test
	void aKeyIsSentWhenTheRowHasOne() {
		fake.stubFor(call(false).willReturn(textReply("Oi")));
		ChatModels models = models(Map.of("base_url", fakeUrl() + "/v1", "api_key", API_KEY, "timeout_seconds", 1));

		models.chat(request()).block();

		assertThat(requests()).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY));
	}

	@Test
	void defaultsAreTheLocalServer() {
		OpenAiChatSettings settings = OpenAiChatSettings
			.read(ModelTestKit.config(ProviderType.LLM, "ollama_local", Map.of()), variant());

		assertThat(settings.baseUrl()).hasToString("http://localhost:11434/v1");
		assertThat(settings.apiKey()).isNull();
		assertThat(settings.model()).isEqualTo("llama3.2");
	}

	@Test
	void theReferencesTimeoutKeyIsHonoured() {
		OpenAiChatSettings settings = OpenAiChatSettings
			.read(ModelTestKit.config(ProviderType.LLM, "ollama_local", Map.of("timeout", "60")), variant());

		assertThat(settings.options().timeout()).hasSeconds(60);
	}

}
