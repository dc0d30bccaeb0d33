package org.voiceai.realtime.record;

import java.util.List;

import reactor.core.publisher.Mono;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.call.CallOutcome;

/**
 * Where a call's conversation is kept: opened at the start, each utterance stored as soon as it is complete (a crash
 * loses nothing already said) with the realtime provider that served it, a note when the call moved to another
 * provider, the outcome and the call-end webhook at the end. Never on the audio path: the call
 * session subscribes and moves on.
 */
public interface CallRecorder {

	Mono<Void> started(CallContext call);

	/** @param call the call as it is now: {@link CallContext#provider()} is the provider that heard or said it */
	Mono<Void> utterance(CallContext call, boolean fromCaller, String text);

	/**
	 * The call moved to another realtime provider mid-call, kept as a system note between the two providers' turns.
	 * @param call the call on its new provider
	 * @param from the provider that failed
	 * @param reason why it failed
	 */
	Mono<Void> providerSwitched(CallContext call, String from, String reason);

	/** @param messages messages taken for people (take_message), may be empty */
	Mono<Void> ended(CallContext call, CallOutcome outcome, List<String> messages);

}
