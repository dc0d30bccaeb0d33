package org.voiceai.providers.embeddings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.langchain4j.model.embedding.EmbeddingModel;

import org.voiceai.providers.ProviderConfig;
import org.voiceai.providers.ProviderFactory;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.http.HttpErrorMapper;
import org.voiceai.providers.llm.LangChainErrors;

/**
 * {@code provider_name} {@code local} (the Python reference's {@code local_embeddings}): every row shares this
 * factory's one {@link LocalEmbeddings}, so the model is loaded once per process however many domains use it.
 * <p>
 * Config: {@code model} may only name all-MiniLM-L6-v2, the one in-process model available from Maven Central
 * (no multilingual one is published there).
 */
public final class LocalEmbeddingsFactory implements ProviderFactory<EmbeddingModel> {

	private static final Set<String> MODEL_NAMES = Set.of("all-minilm-l6-v2",
			"sentence-transformers/all-minilm-l6-v2");

	private final EmbeddingModel shared;

	public LocalEmbeddingsFactory(HttpErrorMapper httpErrors) {
		this(new LocalEmbeddings(), httpErrors);
	}

	LocalEmbeddingsFactory(LocalEmbeddings model, HttpErrorMapper httpErrors) {
		this.shared = new ErrorTranslatingEmbeddingModel(model, new LangChainErrors("local", httpErrors, List.of()));
	}

	/**
	 * The one in-process model of this process, loaded on first use. Other components that need local embeddings
	 * (the knowledge base's fallback) use it too, so the 90 MB model is loaded once.
	 */
	public EmbeddingModel sharedModel() {
		return this.shared;
	}

	@Override
	public ProviderType<EmbeddingModel> type() {
		return ProviderType.EMBEDDINGS;
	}

	@Override
	public String name() {
		return "local";
	}

	@Override
	public Set<String> aliases() {
		return Set.of("local_embeddings");
	}

	@Override
	public EmbeddingModel create(ProviderConfig config) {
		String model = config.string("model", LocalEmbeddings.MODEL_NAME);
		if (!MODEL_NAMES.contains(model.toLowerCase(Locale.ROOT))) {
			throw config.problem("model", "only " + LocalEmbeddings.MODEL_NAME
					+ " runs in-process; for another model use provider 'ollama' or 'openai'");
		}
		return this.shared;
	}

}
