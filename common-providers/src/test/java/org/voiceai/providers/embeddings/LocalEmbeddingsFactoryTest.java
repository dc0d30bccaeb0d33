package org.voiceai.providers.embeddings;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.ProviderConfigException;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.llm.ModelTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code local} (alias {@code local_embeddings}): one shared in-process model for every row. */
class LocalEmbeddingsFactoryTest {

	final AtomicInteger loads = new AtomicInteger();

	final LocalEmbeddingsFactory factory = new LocalEmbeddingsFactory(new LocalEmbeddings(() -> {
		this.loads.incrementAndGet();
		return new LocalEmbeddingsTest.FixedModel();
	}), ModelTestKit.httpErrors());

	@Test
	void namesAreTheReferences() {
		assertThat(this.factory.type()).isEqualTo(ProviderType.EMBEDDINGS);
		assertThat(this.factory.name()).isEqualTo("local");
		assertThat(this.factory.aliases()).containsExactly("local_embeddings");
	}

	@Test
	void everyRowSharesOneModelAndBuildingRowsLoadsNothing() {
		EmbeddingModel first = create(Map.of());
		EmbeddingModel second = create(Map.of("model", "sentence-transformers/all-MiniLM-L6-v2"));

		assertThat(first).isSameAs(second);
		assertThat(first.dimension()).isEqualTo(384);
		assertThat(this.loads).hasValue(0);
	}

	@Test
	void anotherModelIsRefusedNamingTheAlternatives() {
		assertThatThrownBy(() -> create(Map.of("model", "paraphrase-multilingual-MiniLM-L12-v2")))
			.isInstanceOf(ProviderConfigException.class)
			.hasMessageContaining("'model' only all-MiniLM-L6-v2 runs in-process")
			.hasMessageContaining("'ollama'");
	}

	@Test
	void blankTextIsABadRequest() {
		EmbeddingModel model = create(Map.of());

		assertThatThrownBy(() -> model.embed("")).isInstanceOf(ProviderBadRequestException.class)
			.hasMessageStartingWith("local: ");
		assertThat(this.loads).hasValue(0);
	}

	private EmbeddingModel create(Map<String, Object> values) {
		return this.factory.create(ModelTestKit.config(ProviderType.EMBEDDINGS, "local", values));
	}

}
