package org.voiceai.providers.llm;

import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

/** A blocking chat model that fails only with our error family ({@link LangChainErrors}). */
public final class ErrorTranslatingChatModel implements ChatModel {

	private final ChatModel delegate;

	private final LangChainErrors errors;

	public ErrorTranslatingChatModel(ChatModel delegate, LangChainErrors errors) {
		this.delegate = delegate;
		this.errors = errors;
	}

	/** Every other {@code chat} overload ends here. */
	@Override
	public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
		try {
			return this.delegate.chat(request, options);
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex);
		}
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		try {
			return this.delegate.doChat(request);
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex);
		}
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return this.delegate.defaultRequestParameters();
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return this.delegate.supportedCapabilities();
	}

	@Override
	public ModelProvider provider() {
		return this.delegate.provider();
	}

}
