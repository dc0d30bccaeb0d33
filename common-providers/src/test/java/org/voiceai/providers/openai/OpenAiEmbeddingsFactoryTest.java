package org.voiceai.providers.openai;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code openai} (alias {@code openai_embeddings}): OpenAI's embeddings, text-embedding-3-small at 1536. */
class OpenAiEmbeddingsFactoryTest extends OpenAiEmbeddingProtocolContract {

	@Override
	protected OpenAiEmbeddingVariant variant() {
		return OpenAiEmbeddingVariant.OPENAI;
	}

	@Override
	protected Map<String, Object> config(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1", "api_key", ModelTestKit.encrypted(API_KEY), "timeout_seconds", 1);
	}

	@Override
	protected String basePath() {
		return "/v1";
	}

	@Override
	protected String expectedModel() {
		return "text-embedding-3-small";
	}

	@Override
	protected Integer expectedDimensions() {
		return 1536;
	}

	@Override
	protected void assertAuthentication(LoggedRequest request) {
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
	}

	@Override
	protected Map<String, Object> badConfig(String fakeUrl) {
		return Map.of("base_url", fakeUrl + "/v1");
	}

	@Override
	protected String badConfigKey() {
		return "api_key";
	}

	@Test
	void dimensionsGoOnlyToTextEmbedding3ModelsAtTheirFullSizeUnlessTheRowSetsThem() {
		assertThat(settings(Map.of()).dimensions()).isEqualTo(1536);
		assertThat(settings(Map.of("model", "text-embedding-3-large")).dimensions()).isEqualTo(3072);
		assertThat(settings(Map.of("model", "text-embedding-3-small", "dimensions", "512")).dimensions()).isEqualTo(512);
		assertThat(settings(Map.of("model", "text-embedding-ada-002")).dimensions()).isNull();
		assertThat(settings(Map.of()).baseUrl()).hasToString("https://api.openai.com/v1");
	}

	@Test
	void adaCannotBeShortened() {
		assertThatThrownBy(() -> settings(Map.of("model", "text-embedding-ada-002", "dimensions", 512)))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'dimensions'");
	}

	@Test
	void theReferencesAliasIsKept() {
		assertThat(new OpenAiEmbeddingsFactory(variant(), ModelTestKit.httpErrors()).aliases())
			.containsExactly("openai_embeddings");
	}

	private static OpenAiEmbeddingSettings settings(Map<String, Object> values) {
		Map<String, Object> row = new java.util.HashMap<>(values);
		row.put("api_key", API_KEY);
		return OpenAiEmbeddingSettings.read(ModelTestKit.config(ProviderType.EMBEDDINGS, "openai", row),
				OpenAiEmbeddingVariant.OPENAI);
	}

}
