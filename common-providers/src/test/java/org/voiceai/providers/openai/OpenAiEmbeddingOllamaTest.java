package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ollama}: Ollama's OpenAI-compatible {@code /v1/embeddings}, no key, nomic-embed-text, no dimensions. */
class OpenAiEmbeddingOllamaTest extends OpenAiEmbeddingProtocolContract {

	@Override
	protected OpenAiEmbeddingVariant variant() {
		return OpenAiEmbeddingVariant.OLLAMA;
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "timeout_seconds", 1);
	}

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected String expectedModel() {
		return "nomic-embed-text";
	}

	@Override
	protected Integer expectedDimensions() {
		return null;
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "dimensions", "-5");
	}

	@Override
	protected String badConfigKey() {
		return "dimensions";
	}

	@Test
	void defaultsAreTheLocalServerAndABareUrlGetsV1() {
		assertThat(settings(Map.of()).baseUrl()).hasToString("http://localhost:11434/v1");
		assertThat(settings(Map.of("base_url", "http://ollama:11434")).baseUrl()).hasToString("http://ollama:11434/v1");
		assertThat(settings(Map.of()).apiKey()).isNull();
	}

	private static OpenAiEmbeddingSettings settings(Map<String, Object> values) {
		return OpenAiEmbeddingSettings.read(ModelTestKit.config(ProviderType.EMBEDDINGS, "ollama", values),
				OpenAiEmbeddingVariant.OLLAMA);
	}

}
