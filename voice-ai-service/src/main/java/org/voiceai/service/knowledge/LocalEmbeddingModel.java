package org.voiceai.service.knowledge;

import java.util.function.Supplier;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, ONNX, 384 dimensions) used by domains that configure no
 * embeddings provider: no server, no key. One instance per application, created on first use (about 1 s and 90 MB).
 * <p>
 * The application wires it to the {@code local} embeddings provider's shared model, so the model is loaded once.
 */
public class LocalEmbeddingModel {

	/**
	 * How chunks embedded by this model are labelled in {@code embedding_model}: what a domain's {@code local}
	 * embeddings provider row yields too ({@code <provider_name>:<modelName()>}), so both share one vector space.
	 */
	public static final String NAME = "local:all-MiniLM-L6-v2";

	private final Supplier<EmbeddingModel> factory;

	private volatile DomainEmbedder embedder;

	public LocalEmbeddingModel() {
		this(AllMiniLmL6V2EmbeddingModel::new);
	}

	/** For tests that need a slower or gated model under the same name. */
	public LocalEmbeddingModel(Supplier<EmbeddingModel> factory) {
		this.factory = factory;
	}

	public DomainEmbedder embedder() {
		DomainEmbedder current = this.embedder;
		if (current == null) {
			synchronized (this) {
				current = this.embedder;
				if (current == null) {
					current = new DomainEmbedder(NAME, this.factory.get());
					this.embedder = current;
				}
			}
		}
		return current;
	}

}
