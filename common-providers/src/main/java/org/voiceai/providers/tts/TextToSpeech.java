package org.voiceai.providers.tts;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Speaks text as audio FreeSWITCH can play. One implementation per provider; instances are cached and shared. */
public interface TextToSpeech {

	Mono<SynthesizedAudio> synthesize(SpeechRequest request);

	/** The provider's voices, where it has a listing; empty otherwise. */
	default Flux<Voice> voices(String language) {
		return Flux.empty();
	}

}
