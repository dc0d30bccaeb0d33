package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code azure_openai_embeddings} (alias {@code azure_embeddings}): Azure's v1 API, {@code api-key} header, the
 * deployment as the model; {@code dimensions} only when the row sets it, since a deployment's name does not say
 * which model it runs.
 */
class OpenAiEmbeddingAzureTest extends OpenAiEmbeddingProtocolContract {

	@Override
	protected OpenAiEmbeddingVariant variant() {
		return OpenAiEmbeddingVariant.AZURE_OPENAI;
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("azure_endpoint", fakeUrl, "deployment", "embeddings-small", "dimensions", 1536, "api_key", API_KEY,
				"timeout_seconds", 1);
	}

	@Override
	protected String basePath() {
		return "/openai/v1";
	}

	@Override
	protected String expectedModel() {
		return "embeddings-small";
	}

	@Override
	protected Integer expectedDimensions() {
		return 1536;
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.getHeader("api-key")).isEqualTo(API_KEY);
		assertThat(request.containsHeader("Authorization")).isFalse();
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("azure_endpoint", fakeUrl, "deployment", "embeddings-small");
	}

	@Override
	protected String badConfigKey() {
		return "api_key";
	}

}
