package org.voiceai.providers.realtime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.voiceai.audio.AudioFormat;

/** One live conversation with a realtime provider, for the duration of one call. */
public interface RealtimeConversation {

	/** The format {@link #sendAudio} expects, chosen to need as little conversion as possible. */
	AudioFormat inputFormat();

	/** The format of {@link ProviderEvent.AudioDelta} chunks. */
	AudioFormat outputFormat();

	/** Caller audio, in {@link #inputFormat()}, in chunks of any size. Must not block. */
	void sendAudio(byte[] audio);

	/** Everything the provider says, in order; completes when the conversation ends. */
	Flux<ProviderEvent> events();

	/** Answers a {@link ProviderEvent.ToolCall} with the tool's JSON result. */
	Mono<Void> sendToolResult(String callId, String resultJson);

	/** Asks the provider to speak: a greeting, a reprompt, or an instruction for this reply only. */
	Mono<Void> respond(String instructions);

	/** Caller barge-in: stop the current reply; {@code playedMillis} tells how much of it the caller heard. */
	Mono<Void> interrupt(long playedMillis);

	Mono<Void> close();

}
