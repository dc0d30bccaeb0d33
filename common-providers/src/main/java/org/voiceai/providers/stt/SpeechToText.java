package org.voiceai.providers.stt;

import reactor.core.publisher.Mono;

/** Turns a recorded utterance into text. One implementation per provider; instances are cached and shared. */
public interface SpeechToText {

	Mono<Transcription> transcribe(TranscriptionRequest request);

}
