package org.voiceai.providers.realtime;

import reactor.core.publisher.Mono;

/**
 * A speech-to-speech provider (OpenAI Realtime, ElevenLabs Conversational AI, Gemini Live, or a cascaded
 * STT+LLM+TTS pipeline). One instance per provider row; {@link #open} starts one conversation per call.
 */
public interface RealtimeVoice {

	/** Connects and configures a conversation; completes once the provider accepted the session. */
	Mono<RealtimeConversation> open(RealtimeSessionSpec spec);

}
