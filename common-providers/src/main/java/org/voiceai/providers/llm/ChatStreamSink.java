package org.voiceai.providers.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import reactor.core.publisher.FluxSink;

/**
 * Feeds one langchain4j stream into a {@link FluxSink} for {@link ChatModels#stream}. langchain4j hands out the
 * stream's cancel handle only with each piece of text, so a subscriber that cancels earlier stops the stream at the
 * next piece.
 */
final class ChatStreamSink implements StreamingChatResponseHandler {

	private final FluxSink<ChatStreamEvent> sink;

	private volatile StreamingHandle handle;

	ChatStreamSink(FluxSink<ChatStreamEvent> sink) {
		this.sink = sink;
		sink.onCancel(this::cancel);
	}

	@Override
	public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
		this.handle = context.streamingHandle();
		if (this.sink.isCancelled()) {
			cancel();
			return;
		}
		onPartialResponse(partial.text());
	}

	/** Called instead of the other form by models that offer no cancel handle. */
	@Override
	public void onPartialResponse(String text) {
		this.sink.next(new ChatStreamEvent.Text(text));
	}

	@Override
	public void onCompleteResponse(ChatResponse response) {
		this.sink.next(new ChatStreamEvent.Complete(response));
		this.sink.complete();
	}

	@Override
	public void onError(Throwable error) {
		this.sink.error(error);
	}

	private void cancel() {
		StreamingHandle current = this.handle;
		if (current != null && !current.isCancelled()) {
			current.cancel();
		}
	}

}
