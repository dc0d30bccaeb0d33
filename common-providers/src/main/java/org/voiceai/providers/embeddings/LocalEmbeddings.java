package org.voiceai.providers.embeddings;

import java.util.List;
import java.util.function.Supplier;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.output.Response;

/**
 * all-MiniLM-L6-v2 (384 dimensions, unit length) run in-process with ONNX: no server, no key. Loading takes about
 * a second and 90 MB, so it happens once, on the first embedding, whichever thread asks first; provider rows built
 * before that cost nothing.
 * <p>
 * The model is trained on English and ranks Portuguese unreliably (docs/providers.md has the measurements):
 * Portuguese-speaking domains should use {@code openai} or {@code ollama} with a multilingual model. It stays as
 * the fallback that needs nothing installed.
 */
public final class LocalEmbeddings implements EmbeddingModel {

	static final String MODEL_NAME = "all-MiniLM-L6-v2";

	static final int DIMENSION = 384;

	private final Supplier<EmbeddingModel> loader;

	private volatile EmbeddingModel model;

	public LocalEmbeddings() {
		this(AllMiniLmL6V2EmbeddingModel::new);
	}

	/** {@code loader} is called at most once, on the first embedding. */
	LocalEmbeddings(Supplier<EmbeddingModel> loader) {
		this.loader = loader;
	}

	@Override
	public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
		return model().embedAll(textSegments);
	}

	/** Known without loading the model. */
	@Override
	public int dimension() {
		return DIMENSION;
	}

	@Override
	public String modelName() {
		return MODEL_NAME;
	}

	private EmbeddingModel model() {
		EmbeddingModel loaded = this.model;
		if (loaded == null) {
			synchronized (this) {
				loaded = this.model;
				if (loaded == null) {
					loaded = this.loader.get();
					this.model = loaded;
				}
			}
		}
		return loaded;
	}

}
