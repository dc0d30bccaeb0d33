package org.voiceai.providers.llm;

import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * A streaming chat model whose handlers see only our error family ({@link LangChainErrors}) in
 * {@link StreamingChatResponseHandler#onError}; a failure to start the stream is thrown translated.
 */
public final class ErrorTranslatingStreamingChatModel implements StreamingChatModel {

	private final StreamingChatModel delegate;

	private final LangChainErrors errors;

	public ErrorTranslatingStreamingChatModel(StreamingChatModel delegate, LangChainErrors errors) {
		this.delegate = delegate;
		this.errors = errors;
	}

	/** Every other {@code chat} overload ends here. */
	@Override
	public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
		try {
			this.delegate.chat(request, options, new Translating(handler));
		}
		catch (RuntimeException ex) {
			throw this.errors.translate(ex);
		}
	}

	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		try {
			this.delegate.doChat(request, new Translating(handler));
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

	/** Passes every callback on unchanged (each form, so the handler's own defaults still apply) except errors. */
	private final class Translating implements StreamingChatResponseHandler {

		private final StreamingChatResponseHandler handler;

		Translating(StreamingChatResponseHandler handler) {
			this.handler = handler;
		}

		@Override
		public void onPartialResponse(String partialResponse) {
			this.handler.onPartialResponse(partialResponse);
		}

		@Override
		public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
			this.handler.onPartialResponse(partialResponse, context);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking) {
			this.handler.onPartialThinking(partialThinking);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
			this.handler.onPartialThinking(partialThinking, context);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall) {
			this.handler.onPartialToolCall(partialToolCall);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
			this.handler.onPartialToolCall(partialToolCall, context);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.handler.onCompleteToolCall(completeToolCall);
		}

		@Override
		public void onUnmappedRawEvent(Object rawEvent) {
			this.handler.onUnmappedRawEvent(rawEvent);
		}

		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			this.handler.onCompleteResponse(completeResponse);
		}

		@Override
		public void onError(Throwable error) {
			this.handler.onError(ErrorTranslatingStreamingChatModel.this.errors.translate(error));
		}

	}

}
