package org.voiceai.realtime.provider.pipeline;

import dev.langchain4j.model.chat.request.ChatRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.voiceai.providers.llm.ChatStreamEvent;
import org.voiceai.providers.tts.SpeechRequest;
import org.voiceai.providers.tts.SynthesizedAudio;

/** The chat model and the text-to-speech a pipeline conversation answers with. */
interface PipelineServices {

	/**
	 * Starts a streamed reply. The Mono completes once the model has answered at all, so a provider that cannot
	 * answer is replaced by the next one before anything was spoken; the Flux then carries the whole reply
	 * (as {@link org.voiceai.providers.llm.ChatModels#stream}), and cancelling it stops the model.
	 */
	Mono<Flux<ChatStreamEvent>> chat(ChatRequest request);

	Mono<SynthesizedAudio> speak(SpeechRequest request);

}
