package org.voiceai.providers.llm;

import java.util.Objects;

import dev.langchain4j.model.chat.response.ChatResponse;

/** What {@link ChatModels#stream} emits: pieces of text while the reply is generated, then the whole reply once. */
public sealed interface ChatStreamEvent {

	/** A piece of the reply's text, in order; speakable as soon as it arrives. */
	record Text(String text) implements ChatStreamEvent {

		public Text {
			Objects.requireNonNull(text, "text");
		}

	}

	/** The finished reply, always the last event: its text, tool calls, finish reason and token usage. */
	record Complete(ChatResponse response) implements ChatStreamEvent {

		public Complete {
			Objects.requireNonNull(response, "response");
		}

	}

}
