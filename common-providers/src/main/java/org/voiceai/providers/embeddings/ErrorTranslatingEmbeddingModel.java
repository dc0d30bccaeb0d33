package org.voiceai.providers.embeddings;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.ContentType;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.request.EmbeddingParameter;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.request.EmbeddingRequestParameters;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.Response;

import org.voiceai.providers.llm.LangChainErrors;

/**
 * An embedding model that fails only with our error family ({@link LangChainErrors}); blank text, which langchain4j
 * refuses before sending anything, becomes a bad request. Each entry point goes to the same one of the delegate, so
 * its own routing between them is kept.
 */
public final class ErrorTranslatingEmbeddingModel implements EmbeddingModel {

	private final EmbeddingModel delegate;

	private final LangChainErrors errors;

	public ErrorTranslatingEmbeddingModel(EmbeddingModel delegate, LangChainErrors errors) {
		this.delegate = delegate;
		this.errors = errors;
	}

	@Override
	public Response<Embedding> embed(String text) {
		return translated(() -> this.delegate.embed(text));
	}

	@Override
	public Response<Embedding> embed(TextSegment textSegment) {
		return translated(() -> this.delegate.embed(textSegment));
	}

	@Override
	public Response<List<Embedding>> embedAll(List<TextSegment> textSegments) {
		return translated(() -> this.delegate.embedAll(textSegments));
	}

	@Override
	public EmbeddingResponse embed(EmbeddingRequest request) {
		return translated(() -> this.delegate.embed(request));
	}

	/** Remote models without a known size find it out by embedding a word. */
	@Override
	public int dimension() {
		return translated(this.delegate::dimension);
	}

	@Override
	public String modelName() {
		return this.delegate.modelName();
	}

	@Override
	public ModelProvider provider() {
		return this.delegate.provider();
	}

	@Override
	public EmbeddingRequestParameters defaultRequestParameters() {
		return this.delegate.defaultRequestParameters();
	}

	@Override
	public Set<EmbeddingParameter<?>> supportedParameters() {
		return this.delegate.supportedParameters();
	}

	@Override
	public Set<ContentType> supportedContentTypes() {
		return this.delegate.supportedContentTypes();
	}

	private <T> T translated(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex);
		}
	}

}
