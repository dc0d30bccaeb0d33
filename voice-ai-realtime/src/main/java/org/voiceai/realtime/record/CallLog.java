package org.voiceai.realtime.record;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.call.CallOutcome;

/**
 * One call's writes to the {@link CallRecorder}, applied one after another in the order they happened, off the
 * caller's thread. A failed write is logged and the next one still runs: a database hiccup must not end a call.
 */
public final class CallLog {

	private static final Logger logger = LoggerFactory.getLogger(CallLog.class);

	private final CallRecorder recorder;

	/** The call as it is now, replaced when it moves to another provider; used under the call session's lock. */
	private CallContext call;

	private final Sinks.Many<Mono<Void>> writes = Sinks.many().unicast().onBackpressureBuffer();

	private final Sinks.Empty<Void> done = Sinks.empty();

	public CallLog(CallRecorder recorder, CallContext call) {
		this(recorder, call, Schedulers.parallel());
	}

	/** @param writer where each write starts ({@code Schedulers.immediate()} makes a test's writes synchronous) */
	public CallLog(CallRecorder recorder, CallContext call, Scheduler writer) {
		this.recorder = recorder;
		this.call = call;
		// Each write starts on a worker, never on the thread that submits it: submitters hold the call session's
		// lock, and a WebClient exchange started there (URI, headers, connection pool) would hold it longer, keeping
		// the call's provider audio and pacing ticks waiting (seen in docs/benchmarks.md as late frames).
		this.writes.asFlux()
			.publishOn(writer)
			.concatMap((write) -> write.onErrorResume((error) -> {
				logger.warn("Could not record call {} of domain {}: {}", call.callUuid(), call.domain().value(),
						error.toString());
				return Mono.empty();
			}))
			.doFinally((signal) -> this.done.tryEmitEmpty())
			.subscribe();
	}

	public void started() {
		CallContext now = this.call;
		submit(Mono.defer(() -> this.recorder.started(now)));
	}

	public void utterance(boolean fromCaller, String text) {
		if (text != null && !text.isBlank()) {
			CallContext now = this.call;
			submit(Mono.defer(() -> this.recorder.utterance(now, fromCaller, text.strip())));
		}
	}

	/** The call moved to another provider: later utterances are recorded as its. */
	public void providerSwitched(CallContext switched, String from, String reason) {
		this.call = switched;
		submit(Mono.defer(() -> this.recorder.providerSwitched(switched, from, reason)));
	}

	/** The last write: the outcome. {@link #finished()} completes once it is stored. */
	public void ended(CallOutcome outcome, List<String> messages) {
		CallContext now = this.call;
		submit(Mono.defer(() -> this.recorder.ended(now, outcome, List.copyOf(messages))));
		this.writes.tryEmitComplete();
	}

	public Mono<Void> finished() {
		return this.done.asMono();
	}

	private void submit(Mono<Void> write) {
		// Callers hold the call session's lock, so emissions never race.
		this.writes.tryEmitNext(write);
	}

}
