package org.voiceai.providers.llm;

import java.util.Objects;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * A chat-model provider row built into langchain4j's two views of the same model: blocking (turn-based replies,
 * tool calls) and streaming (the realtime pipeline speaks sentence by sentence). langchain4j's interfaces are used
 * as they are so its tools and message types work unchanged.
 */
public record ChatModels(ChatModel blocking, StreamingChatModel streaming) {

	public ChatModels {
		Objects.requireNonNull(blocking, "blocking");
		Objects.requireNonNull(streaming, "streaming");
	}

}
