package org.voiceai.realtime.record;

import java.util.List;

import reactor.core.publisher.Mono;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.call.CallOutcome;

/**
 * Where a call's conversation is kept: opened at the start, each utterance stored as soon as it is complete (a crash
 * loses nothing already said), the outcome and the call-end webhook at the end. Never on the audio path: the call
 * session subscribes and moves on.
 */
public interface CallRecorder {

	Mono<Void> started(CallContext call);

	Mono<Void> utterance(CallContext call, boolean fromCaller, String text);

	/** @param messages messages taken for people (take_message), may be empty */
	Mono<Void> ended(CallContext call, CallOutcome outcome, List<String> messages);

}
