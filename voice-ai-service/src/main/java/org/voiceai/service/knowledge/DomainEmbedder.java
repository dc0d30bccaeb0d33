package org.voiceai.service.knowledge;

import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

import org.voiceai.providers.vectorstore.VectorSpace;
import org.voiceai.tenant.DomainId;

/**
 * The embedding model a domain's knowledge base uses, with the name its vectors are filed under.
 *
 * @param modelName {@code <provider_name>:<model>}, recorded per chunk in {@code embedding_model}
 * @param model the langchain4j model
 */
public record DomainEmbedder(String modelName, EmbeddingModel model) {

	/** The space this model's vectors of {@code domain} live in. */
	public VectorSpace space(DomainId domain) {
		return new VectorSpace(domain, this.modelName);
	}

	/** Embeds texts, in order. Blocking (a model call): run it on a bounded scheduler. */
	public List<float[]> embedAll(List<String> texts) {
		List<Embedding> embeddings = this.model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
		return embeddings.stream().map(Embedding::vector).toList();
	}

}
