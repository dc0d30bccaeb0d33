package org.voiceai.providers.llm;

import java.util.Objects;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A chat-model provider row built into langchain4j's two views of the same model: blocking (turn-based replies,
 * tool calls) and streaming (the realtime pipeline speaks sentence by sentence). langchain4j's interfaces are used
 * as they are so its tools and message types work unchanged; {@link #chat} and {@link #stream} are the reactive
 * way to call them.
 */
public record ChatModels(ChatModel blocking, StreamingChatModel streaming) {

	public ChatModels {
		Objects.requireNonNull(blocking, "blocking");
		Objects.requireNonNull(streaming, "streaming");
	}

	/**
	 * One reply from the blocking model. langchain4j holds the calling thread for the whole HTTP exchange (retries
	 * included), so the call runs on {@link Schedulers#boundedElastic()}, never on a Netty event loop.
	 */
	public Mono<ChatResponse> chat(ChatRequest request) {
		return Mono.fromCallable(() -> this.blocking.chat(request)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * One reply from the streaming model: a {@link ChatStreamEvent.Text} for each piece of text as it arrives, then
	 * exactly one {@link ChatStreamEvent.Complete} carrying the whole {@link ChatResponse} (full text, tool calls with
	 * their assembled arguments, finish reason, token usage), then completion. A failure ends the Flux with the
	 * model's error. Cancelling asks langchain4j to stop reading the provider's stream.
	 * <p>
	 * The request is started on {@link Schedulers#boundedElastic()}: langchain4j does not promise that starting a
	 * stream never blocks (request serialisation, name resolution).
	 */
	public Flux<ChatStreamEvent> stream(ChatRequest request) {
		return Flux.<ChatStreamEvent>create((sink) -> this.streaming.chat(request, new ChatStreamSink(sink)))
			.subscribeOn(Schedulers.boundedElastic());
	}

}
